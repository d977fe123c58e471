'use strict';
// Long base64 / hex strings decode with node's lenient rules (whitespace, either
// alphabet, junk skipped, hex stops at the first bad pair) and encode the same as
// short ones.
require('./common');
const assert = require('node:assert');

const bytes = Buffer.allocUnsafe(30000);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 255;
const b64 = bytes.toString('base64');
const url = bytes.toString('base64url');
const hex = bytes.toString('hex');

// Encoding agrees with encoding the pieces (3-byte / 1-byte aligned).
assert.strictEqual(b64, bytes.subarray(0, 15000).toString('base64') +
                        bytes.subarray(15000).toString('base64'));
assert.strictEqual(url, b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
assert.strictEqual(hex, bytes.subarray(0, 7).toString('hex') + bytes.subarray(7).toString('hex'));
assert.match(hex, /^[0-9a-f]+$/);
assert.strictEqual(bytes.toString('hex', 5, 3000), hex.slice(10, 6000));

// Decoding: strict input, then what only a lenient decoder accepts.
assert.ok(Buffer.from(b64, 'base64').equals(bytes));
assert.ok(Buffer.from(url, 'base64url').equals(bytes));
assert.ok(Buffer.from(url, 'base64').equals(bytes), 'base64 accepts the url alphabet');
assert.ok(Buffer.from(b64, 'base64url').equals(bytes), 'base64url accepts +/');
assert.ok(Buffer.from(b64.replace(/(.{76})/g, '$1\n'), 'base64').equals(bytes));
assert.ok(Buffer.from(b64.slice(0, 2000) + '*!' + b64.slice(2000), 'base64').equals(bytes));
assert.ok(Buffer.from(b64 + '=garbage', 'base64').equals(bytes), 'stops at padding');
assert.strictEqual(Buffer.from(b64.slice(0, 4001), 'base64').length, 3000);
assert.ok(Buffer.from(hex, 'hex').equals(bytes));
assert.ok(Buffer.from(hex.toUpperCase(), 'hex').equals(bytes));
assert.ok(Buffer.from(hex + 'a', 'hex').equals(bytes), 'odd tail dropped');
assert.ok(Buffer.from(hex.slice(0, 5000) + 'zz' + hex.slice(5000), 'hex')
  .equals(bytes.subarray(0, 2500)), 'stops at a bad pair');
