'use strict';
// publicEncrypt/privateDecrypt (OAEP with hash and label, PKCS#1, none) and privateEncrypt/publicDecrypt.
// Expected values were recorded from node 22.
const assert = require('node:assert');
const crypto = require('node:crypto');

const rsaPem = `-----BEGIN RSA PRIVATE KEY-----
MIICXgIBAAKBgQDImR8DiaruMh81T1QHQwdg+AQecOnuysRz6zQEHJoHyLtwA2zB
jLPish2ILXeBUMRN/jcncZ2W9Ne6CbFReuGCtksldzACsi4h5ak1pZDnsVKI98Dh
89iGnS/jMptVYMIbNWu1tOauntCj1KGhh3MuXov7J/uBGJ4w1Xl6H+C1EwIDAQAB
AoGBALPFriqwfNRdbOSMxGSBqKI5gw94591OMMMl/YbVzyC8v2ZCW3wVybyXHapF
/PySUmsHMYyS4MVBhfe+6f94nZG91WdjBAfkTkNnHXC/HGvtMcS9hAf6j4kprt6V
F0C8k6KZZhUcLhDTJ5GlUAgeCmncIW4UxvtYlvLK3K0jb0MRAkEA6K38q9cFBg4T
1iCZytluH5DCzYRxOvNLUA+OT9EwfYQBpG9pITUyfNCtNaM/Tx1WM2dZo0Qrez/I
31wgp5KpyQJBANyz/35lrNayL62AqvfMGaGq5CJcZFCVv1jt9hEVjO0pT/r1z6e7
3yYMIR+TtO9YsOp+U+65WP1/sR+FNFVQ1fsCQQDnQm48mPRMRVef3j0c6ShTxTxo
qbckwUVcaGmomSDZz4cWWQkjUU1B0uIkyoEU7/KKGrFz3UBeOlI69cUa6GFJAkEA
oQ5VhxaJf48+jb2UhgoSNlDv9Ec6CTiOD0Zvx93THoqETB4vcDcAS9KUJWfzpKoz
SJvxggcN8sfJKLhbDVtVGwJAR86N4Gk7wrDQ7nc9HrpRGCeLdK8V2/z470xTanLi
YI0mkQo2UaAr1EkHOUQr1FPuKYRzEU2D1AUT3dywM1ls5Q==
-----END RSA PRIVATE KEY-----
`;
const rsa = crypto.createPrivateKey(rsaPem);
const pub = crypto.createPublicKey(rsa);
const msg = Buffer.from('hello rsa');

assert.deepStrictEqual(crypto.privateDecrypt(rsa, crypto.publicEncrypt(pub, msg)), msg);
assert.deepStrictEqual(crypto.privateDecrypt(rsaPem, crypto.publicEncrypt(rsaPem, msg)), msg);
{
  const opts = { oaepHash: 'sha256', oaepLabel: Buffer.from('label') };
  const enc = crypto.publicEncrypt({ key: pub, ...opts }, msg);
  assert.strictEqual(enc.length, 128);
  assert.deepStrictEqual(crypto.privateDecrypt({ key: rsa, ...opts }, enc), msg);
  assert.throws(() => crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256' }, enc), {
    code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR', message: 'error:02000079:rsa routines::oaep decoding error',
  });
}
{
  const enc = crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, msg);
  assert.strictEqual(enc.length, 128);
}
// Deterministic: PKCS#1 v1.5 type 1 and no padding.
const signed = crypto.privateEncrypt(rsa, msg);
assert.strictEqual(signed.toString('hex'), "14845e54015385b6c032bc8fb5a00650245715a64077407193d6af40acdfe6fe525eb96c86cc5cc871ee9536f27e9834f0c0578b31c0c04de84eb46ee7e0463269413f0637a7a18e83df00740affea0b483321ea18038c38d020f2afb759d641abd4ae50bccfb3c4569efee91037121dc8ad939189445a2b199a5a86badab4ea");
assert.deepStrictEqual(crypto.publicDecrypt(pub, signed), msg);
assert.strictEqual(crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, Buffer.alloc(128, 1)).toString('hex'),
                   "05d44e87b176a75c2d72d2e2d32a1ed4d2ad9e222edeb3b74e671b872f0c513ecdecea82553d0d6e83a439dfb13aebd829bb93845a79392e6fbee2f3dfdabdf82f5efb13dad883830712fb343133e0a67bc823ff62bd858ced67cfceddeec0743138409ec3c7c8a6bd0519aebc71a22b70adecc7715a4fe8db53572ec491e30b");
assert.throws(() => crypto.publicEncrypt(pub, Buffer.alloc(200)), {
  code: 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE',
  message: 'error:0200006E:rsa routines::data too large for key size',
});
assert.throws(() => crypto.privateDecrypt(pub, Buffer.alloc(128)), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
});
assert.throws(() => crypto.publicEncrypt(1, msg), { code: 'ERR_INVALID_ARG_TYPE' });
