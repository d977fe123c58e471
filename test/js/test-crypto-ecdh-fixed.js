'use strict';
// ECDH with fixed private keys (point formats, convertKey, shared secrets), X25519 diffieHellman() and DiffieHellman groups.
// Expected values were recorded from node 22.
const assert = require('node:assert');
const crypto = require('node:crypto');

const e1 = crypto.createECDH('prime256v1');
assert.strictEqual(e1.setPrivateKey(Buffer.alloc(32, 0xaa)), e1);
const e2 = crypto.createECDH('prime256v1');
e2.setPrivateKey(Buffer.alloc(32, 0xbb).toString('hex'), 'hex');
assert.strictEqual(e1.getPublicKey('hex'), "0438014c603c89da9712426320ee53a94c795dda3b90bb5b0791ae8f5db486b7db25e3aa368ede37b96566f66590f89ea2ac834bcd61541b90738cbc8294706c96");
assert.strictEqual(e1.getPublicKey('hex', 'compressed'), "0238014c603c89da9712426320ee53a94c795dda3b90bb5b0791ae8f5db486b7db");
assert.strictEqual(e1.getPublicKey('base64', 'hybrid'), "BjgBTGA8idqXEkJjIO5TqUx5Xdo7kLtbB5Guj120hrfbJeOqNo7eN7llZvZlkPieoqyDS81hVBuQc4y8gpRwbJY=");
assert.strictEqual(e1.getPrivateKey('hex'), 'aa'.repeat(32));
const secret = "6910ca9b7213b6120765f48979ac0475138f5ad123a35b03fe385b26e7e1498c";
assert.strictEqual(e1.computeSecret(e2.getPublicKey()).toString('hex'), secret);
assert.strictEqual(e2.computeSecret(e1.getPublicKey('hex', 'compressed'), 'hex', 'hex'), secret);
assert.strictEqual(crypto.ECDH.convertKey(e1.getPublicKey('hex', 'compressed'), 'prime256v1', 'hex', 'hex', 'uncompressed'),
                   e1.getPublicKey('hex'));
const k1 = crypto.createECDH('secp256k1');
k1.setPrivateKey(Buffer.alloc(32, 7));
assert.strictEqual(k1.getPublicKey('hex'), "04989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80");
const fresh = crypto.createECDH('prime256v1');
const pub = fresh.generateKeys();
assert.strictEqual(pub.length, 65);
assert.deepStrictEqual(fresh.computeSecret(e1.getPublicKey()), e1.computeSecret(pub));

assert.throws(() => crypto.createECDH('nope'), { code: 'ERR_CRYPTO_INVALID_CURVE', message: 'Invalid EC curve name' });
assert.throws(() => e1.computeSecret(Buffer.from('04', 'hex')), {
  code: 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', message: 'Public key is not valid for specified curve',
});
assert.throws(() => e1.getPublicKey('hex', 'wat'), { code: 'ERR_CRYPTO_ECDH_INVALID_FORMAT', message: 'Invalid ECDH format: wat' });
assert.throws(() => e1.setPrivateKey(Buffer.alloc(32)), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYTYPE', message: 'Private key is not valid for specified curve.',
});
assert.throws(() => crypto.createECDH('prime256v1').getPublicKey(), {
  code: 'ERR_CRYPTO_OPERATION_FAILED', message: 'Failed to get ECDH public key',
});

// X25519 through KeyObjects.
const a = crypto.createPrivateKey({ key: {"crv":"X25519","d":"qN6LJguimcWkDgMLG55kj20IpuLPaJYzJzWlAIME7G8","x":"q5t_ptCT0KogkfJ3OJsBj34uL6E1nbygi57h3rzPVHk","kty":"OKP"}, format: 'jwk' });
const b = crypto.createPrivateKey({ key: {"crv":"X25519","d":"AMvpR-csr4h3XFMxzKodJCNeG6zP3ZWzol9iFMN1aEI","x":"d-jbCf6yBrha0BXTeVttJTX_U7BcGu4psdO27U_0L0o","kty":"OKP"}, format: 'jwk' });
const x = "67a9b9238c248150bbc9161f916e2187d36b9c020e5d6daa8c7e7f1e633d1109";
assert.strictEqual(crypto.diffieHellman({ privateKey: a, publicKey: crypto.createPublicKey(b) }).toString('hex'), x);
assert.strictEqual(crypto.diffieHellman({ privateKey: b, publicKey: crypto.createPublicKey(a) }).toString('hex'), x);
assert.throws(() => crypto.diffieHellman({ privateKey: a, publicKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY', message: 'Incompatible key types for Diffie-Hellman: x25519 and ec',
});
assert.throws(() => crypto.diffieHellman({ privateKey: 1, publicKey: a }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.privateKey' is invalid. Received 1",
});

// Classic Diffie-Hellman on a MODP group.
const g = crypto.getDiffieHellman('modp14');
assert.strictEqual(g.verifyError, 0);
assert.strictEqual(g.getGenerator('hex'), '02');
assert.strictEqual(g.getPrime().length, 256);
assert.throws(() => g.getPublicKey(), { code: 'ERR_CRYPTO_INVALID_STATE' });
const alice = crypto.createDiffieHellman(g.getPrime(), g.getGenerator());
const bob = crypto.createDiffieHellman(g.getPrime('hex'), 'hex', 2);
alice.generateKeys();
bob.generateKeys();
assert.deepStrictEqual(alice.computeSecret(bob.getPublicKey()), bob.computeSecret(alice.getPublicKey()));
assert.strictEqual(alice.computeSecret(bob.getPublicKey()).length, 256);
assert.throws(() => alice.computeSecret(Buffer.from([1])), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Supplied key is too small',
});
assert.throws(() => crypto.getDiffieHellman('modp99'), { code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP', message: 'Unknown DH group' });
