'use strict';
// digest(encoding): hex/base64/base64url/latin1 strings, a Buffer for
// 'buffer' or unknown encodings; update() decodes strings by encoding.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const h = () => crypto.createHash('sha256').update('abc');
assert.strictEqual(h().digest('hex'), abc);
assert.strictEqual(h().digest('HEX'), abc);
assert.strictEqual(h().digest('base64'), Buffer.from(abc, 'hex').toString('base64'));
assert.strictEqual(h().digest('base64url'), Buffer.from(abc, 'hex').toString('base64url'));
assert.strictEqual(h().digest('latin1'), Buffer.from(abc, 'hex').toString('latin1'));
assert.strictEqual(h().digest('ucs2'), Buffer.from(abc, 'hex').toString('ucs2'));
assert.deepStrictEqual(h().digest(), Buffer.from(abc, 'hex'));
assert.deepStrictEqual(h().digest('buffer'), Buffer.from(abc, 'hex'));
assert.deepStrictEqual(h().digest('no-such-encoding'), Buffer.from(abc, 'hex'));
assert.ok(Buffer.isBuffer(h().digest()));

// Strings are UTF-8 unless told otherwise; unknown input encodings mean UTF-8.
assert.strictEqual(crypto.createHash('sha256').update('616263', 'hex').digest('hex'), abc);
assert.strictEqual(crypto.createHash('sha256').update('YWJj', 'base64').digest('hex'), abc);
assert.strictEqual(crypto.createHash('sha256').update('abc', 'bogus').digest('hex'), abc);
assert.strictEqual(
  crypto.createHash('md5').update('\u00e9').digest('hex'),
  crypto.createHash('md5').update(Buffer.from([0xc3, 0xa9])).digest('hex'));
assert.strictEqual(
  crypto.createHash('md5').update('\u00e9', 'latin1').digest('hex'),
  crypto.createHash('md5').update(Buffer.from([0xe9])).digest('hex'));

// Every view type hashes its own bytes.
const bytes = Buffer.from('abcd');
const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 4);
for (const view of [new Uint8Array(ab), new Uint16Array(ab), new DataView(ab),
  new Float32Array(ab)]) {
  assert.strictEqual(crypto.createHash('sha1').update(view).digest('hex'),
                     crypto.createHash('sha1').update('abcd').digest('hex'));
}
assert.throws(() => crypto.createHash('sha256').update(ab), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createHash('sha256').update('abc', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'encoding' is invalid for data of length 3. Received 'hex'",
});
