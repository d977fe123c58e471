'use strict';
// generateKeyPair/generateKey/generatePrime/checkPrime run on the thread pool
// and hand back encoded keys; bad options throw synchronously.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

crypto.generateKeyPair('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' },
}, common.mustSucceed((pub, priv) => {
  assert.match(pub, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(priv, /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
  const key = crypto.createPrivateKey({ key: priv, passphrase: 'pw' });
  const sig = crypto.sign('sha256', Buffer.from('x'), key);
  assert.ok(crypto.verify('sha256', Buffer.from('x'), pub, sig));
}));

crypto.generateKeyPair('rsa', { modulusLength: 1024, publicExponent: 3, publicKeyEncoding: { format: 'jwk' } },
                       common.mustSucceed((pub, priv) => {
                         assert.strictEqual(pub.kty, 'RSA');
                         assert.strictEqual(pub.e, 'Aw');
                         assert.strictEqual(priv.type, 'private');
                         assert.deepStrictEqual(priv.asymmetricKeyDetails, { modulusLength: 1024, publicExponent: 3n });
                       }));

crypto.generateKeyPair('rsa-pss', {
  modulusLength: 1024, hashAlgorithm: 'sha256', mgf1HashAlgorithm: 'sha256', saltLength: 16,
}, common.mustSucceed((pub, priv) => {
  assert.strictEqual(priv.asymmetricKeyType, 'rsa-pss');
  assert.deepStrictEqual(priv.asymmetricKeyDetails, {
    modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha256',
    mgf1HashAlgorithm: 'sha256', saltLength: 16,
  });
  assert.ok(crypto.verify('sha256', Buffer.from('a'), pub, crypto.sign('sha256', Buffer.from('a'), priv)));
}));

for (const type of ['ed25519', 'ed448', 'x25519', 'x448']) {
  crypto.generateKeyPair(type, common.mustSucceed((pub, priv) => {
    assert.strictEqual(pub.asymmetricKeyType, type);
    assert.strictEqual(priv.asymmetricKeyType, type);
    assert.ok(crypto.createPublicKey(priv).equals(pub));
  }));
}

crypto.generateKeyPair('dh', { group: 'modp5' }, common.mustSucceed((pub, priv) => {
  assert.strictEqual(pub.asymmetricKeyType, 'dh');
  assert.strictEqual(crypto.diffieHellman({ privateKey: priv, publicKey: pub }).length, 192);
}));

crypto.generateKey('hmac', { length: 123 }, common.mustSucceed((key) => {
  assert.strictEqual(key.type, 'secret');
  assert.strictEqual(key.symmetricKeySize, 15);
}));
assert.strictEqual(crypto.generateKeySync('aes', { length: 256 }).export().length, 32);

crypto.generatePrime(32, { bigint: true }, common.mustCall((err, prime) => {
  assert.strictEqual(err, undefined);
  assert.strictEqual(typeof prime, 'bigint');
  assert.ok(crypto.checkPrimeSync(prime));
}));
crypto.checkPrime(13n, common.mustCall((err, result) => {
  assert.strictEqual(err, undefined);
  assert.strictEqual(result, true);
}));
assert.strictEqual(crypto.checkPrimeSync(Buffer.from([9])), false);
assert.ok(crypto.generatePrimeSync(16) instanceof ArrayBuffer);

assert.throws(() => crypto.generateKeyPairSync('rsa', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.modulusLength" property must be of type number. Received undefined',
});
assert.throws(() => crypto.generateKeyPairSync('foo', {}), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The argument 'type' must be a supported key type. Received 'foo'",
});
assert.throws(() => crypto.generateKeyPairSync('ec', { namedCurve: 'foo' }), {
  code: 'ERR_CRYPTO_INVALID_CURVE', message: 'Invalid EC curve name',
});
assert.throws(() => crypto.generateKeyPairSync('rsa', { modulusLength: 512, publicKeyEncoding: { type: 'foo' } }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.publicKeyEncoding.format' is invalid. Received undefined",
});
assert.throws(() => crypto.generateKeyPairSync('rsa', {
  modulusLength: 512, privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc' },
}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.privateKeyEncoding.passphrase' is invalid. Received undefined",
});
assert.throws(() => crypto.generateKeyPair('ed25519', {}), { code: 'ERR_INVALID_ARG_TYPE' });
