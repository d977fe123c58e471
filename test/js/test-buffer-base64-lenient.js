'use strict';
// Buffer's base64 decoder is lenient: it accepts both alphabets, skips
// characters outside them, stops at '=' and ignores a lone trailing sextet.
require('./common');
const assert = require('node:assert');

assert.strictEqual(Buffer.from('YW Jj\n', 'base64').toString(), 'abc');
assert.strictEqual(Buffer.from('YQ=Y', 'base64').toString('hex'), '61');
assert.strictEqual(Buffer.from('-_', 'base64').toString('hex'), 'fb');
assert.strictEqual(Buffer.from('+/', 'base64url').toString('hex'), 'fb');
assert.strictEqual(Buffer.from('Y', 'base64').length, 0);
assert.strictEqual(Buffer.byteLength('YQ==', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('aGkk', 'base64'), 3);
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64'), '+/8=');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');

const bytes = Buffer.alloc(100000);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 255;
assert.deepStrictEqual(Buffer.from(bytes.toString('base64'), 'base64'), bytes);
assert.deepStrictEqual(Buffer.from(bytes.toString('base64url'), 'base64url'), bytes);
