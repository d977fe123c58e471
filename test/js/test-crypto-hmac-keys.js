'use strict';
// createHmac() keys: strings, buffers of any view type, empty keys, secret
// KeyObjects; options.encoding decodes a string key.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const expected = 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8';
const data = 'The quick brown fox jumps over the lazy dog';
const key = Buffer.from('key');
for (const k of ['key', key, new Uint8Array(key), new DataView(key.buffer, key.byteOffset, 3),
  key.buffer.slice(key.byteOffset, key.byteOffset + 3), crypto.createSecretKey(key),
  '6b6579']) {
  const options = k === '6b6579' ? { encoding: 'hex' } : undefined;
  assert.strictEqual(crypto.createHmac('sha256', k, options).update(data).digest('hex'), expected);
}
assert.strictEqual(crypto.createHmac('sha256', '').digest('hex'),
                   'b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad');
assert.deepStrictEqual(crypto.createHmac('sha256', Buffer.alloc(0)).digest(),
                       crypto.createHmac('sha256', crypto.createSecretKey(Buffer.alloc(0))).digest());
assert.throws(() => crypto.createHmac('sha1', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, ' +
           'Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received null',
});
assert.throws(() => crypto.createHmac(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hmac" argument must be of type string. Received null',
});
assert.ok(crypto.Hmac('sha1', 'k') instanceof crypto.Hmac);

const secret = crypto.createSecretKey('abc', 'utf8');
assert.strictEqual(secret.type, 'secret');
assert.strictEqual(secret.symmetricKeySize, 3);
assert.deepStrictEqual(secret.export(), Buffer.from('abc'));
assert.deepStrictEqual(secret.export({ format: 'jwk' }), { kty: 'oct', k: 'YWJj' });
assert.ok(secret.equals(crypto.createSecretKey(Buffer.from('abc'))));
assert.ok(!secret.equals(crypto.createSecretKey(Buffer.from('abd'))));
assert.ok(secret instanceof crypto.KeyObject);
