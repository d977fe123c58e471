'use strict';
// createHash() takes OpenSSL's digest names and aliases; unknown names throw
// "Digest method not supported"; getHashes() lists names like node.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const empty256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
for (const name of ['sha256', 'SHA256', 'RSA-SHA256', 'sha256WithRSAEncryption', 'SHA-256']) {
  assert.strictEqual(crypto.createHash(name).digest('hex'), empty256, name);
}
assert.strictEqual(crypto.createHash('sha3-256').digest('hex'),
                   'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
assert.strictEqual(crypto.createHash('blake2b512').update('abc').digest('hex').slice(0, 16),
                   'ba80a53f981c4d0d');
for (const name of ['xyzzy', '', 'null', 'x'.repeat(200)]) {
  assert.throws(() => crypto.createHash(name), {
    name: 'Error',
    message: 'Digest method not supported',
  });
}
assert.throws(() => crypto.createHash(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. Received undefined',
});
assert.throws(() => crypto.createHmac('sha7', 'key'), {
  code: 'ERR_CRYPTO_INVALID_DIGEST',
  name: 'TypeError',
  message: 'Invalid digest: sha7',
});

const hashes = crypto.getHashes();
assert.ok(hashes.includes('sha256'));
assert.ok(hashes.includes('RSA-SHA256'));
assert.ok(!hashes.includes('SHA256'), 'case duplicates keep the lowercase name');
assert.deepStrictEqual(hashes, [...hashes].sort());
assert.notStrictEqual(crypto.getHashes(), hashes);
for (const name of hashes) crypto.createHash(name).update('x').digest();
