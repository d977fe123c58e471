'use strict';
// StringDecoder holds back incomplete characters across writes and flushes
// them as U+FFFD (UTF-8) or drops a lone byte (UTF-16) at end().
require('./common');
const assert = require('node:assert');
const { StringDecoder } = require('node:string_decoder');

const d = new StringDecoder('utf8');
assert.strictEqual(d.write(Buffer.from([0xe2, 0x82])), '');
assert.strictEqual(d.lastNeed, 1);
assert.strictEqual(d.lastTotal, 3);
assert.strictEqual(d.write(Buffer.from([0xac, 0x41])), '\u20acA');
assert.strictEqual(d.write(Buffer.from([0xf0, 0x9f])), '');
assert.strictEqual(d.end(), '\ufffd');

const u = new StringDecoder('utf16le');
assert.strictEqual(u.write(Buffer.from([0x3d, 0xd8])), '');
assert.strictEqual(u.write(Buffer.from([0x4d])), '');
assert.strictEqual(u.write(Buffer.from([0xdc])), '\ud83d\udc4d');
assert.strictEqual(u.write(Buffer.from([0x3d, 0xd8, 0x4d])), '\ud83d');
assert.strictEqual(u.end(), '');
assert.strictEqual(u.write(Buffer.from([0x41])), '');
assert.strictEqual(u.end(), '');

const b64 = new StringDecoder('base64');
assert.strictEqual(b64.write(Buffer.from('ab')), '');
assert.strictEqual(b64.write(Buffer.from('cd')), 'YWJj');
assert.strictEqual(b64.end(), 'ZA==');

const dv = new DataView(Buffer.from('hi').buffer, Buffer.from('hi').byteOffset, 2);
assert.strictEqual(new StringDecoder().write(new Uint8Array(dv.buffer, dv.byteOffset, 2)),
                   'hi');
