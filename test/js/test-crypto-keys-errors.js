'use strict';
// Bad key input throws node's errors: truncated or garbage PEM, a wrong passphrase, wrong key types and bad encoding options.
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
const encrypted = `-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIC5TBfBgkqhkiG9w0BBQ0wUjAxBgkqhkiG9w0BBQwwJAQQWC4Jds/RIU/CXMlN
Aohb+AICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEPyyZwQSBUSsivv8
PlQwzKkEggKALoRWq53t/qCb9yWUJ0hKNJnSyTrI1zlgRH4w5meX/slnFn1MIA0W
WHXPIifiRcXhntgLoqbjg/R6qGg7qI9V2QKJpNGTlDj6UKlrVqqm9H8hsmQxd19y
eSzxOYC1jVkoVMx8CBaSf3Gx+k5mjn825xXNJSHxgILiuK4GHR0r8ZV81ZY+FQYe
9P7YuZvc79fR6PYAaxzjXZKotuCn8z26DWWS/mlJKT7j2VdQtnobnnkFB8evQHDJ
nI/dhKxetfTzWzhLMnWcbeCZynh7cguQfpz5dEgURo3BSpkhRQN8/pzv8eZUajb+
RsborP6s5FLr033Hk/tEKG9ebeXKm9nw9zkEqj/yk/7wQBURbM11KsS8wql5QiAE
BqWtu8j+zJ3UWhX2rssEcAKONc0Es9ml7F6aQwih9x9wQ+kXv8aJZ7n1jU4yCNR5
2Djk4Xx7qFAoqsIU4yRrDEKcU2zROGImp1vfoR5vHwuawOLko7jEujV8E3UBAvlo
ELy9FkhM9ofeuL6LcVrQFphDCdSXqTA5qbg0Qxx5Ss7W291d3McMFqEUmF3fuYz9
4fE0EPp1/SeacS05MFsTFiMeu/PXCQouJtWBEnuFtjmyhaiYm2fcyPIHNdqSEc0W
SO9vgo65YMufuTkd9tk2Z9cpkYF34oGoxdzRBLNLPDqsNS+xCDDECgrGG1WYoYkt
9cBX+FuefiNNqM2MSmQfDnFjeLb8IwwwO7fArmoJrWzGxl5kzErwxcanwgTWJ4SC
0W49GCDBOAEsX6NarsuBmMeG8HCLnhTmFxaQYbcxsxyzQIs0nA6fAaoP9bVzO/vx
BdSxWCKSDIXwG+HZHDmk6+vEXEdt/4hGkg==
-----END ENCRYPTED PRIVATE KEY-----
`;

assert.throws(() => crypto.createPrivateKey('garbage'), {
  name: 'Error', code: 'ERR_OSSL_UNSUPPORTED', message: 'error:1E08010C:DECODER routines::unsupported',
  library: 'DECODER routines', reason: 'unsupported',
});
assert.throws(() => crypto.createPrivateKey(rsaPem.slice(0, 200)), { code: 'ERR_OSSL_UNSUPPORTED' });
assert.throws(() => crypto.createPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
              (err) => typeof err.code === 'string' && err.code.startsWith('ERR_OSSL_'));
assert.throws(() => crypto.createPrivateKey({ key: encrypted, passphrase: 'wrong' }), {
  code: 'ERR_OSSL_BAD_DECRYPT', message: 'error:1C800064:Provider routines::bad decrypt',
});
assert.throws(() => crypto.createPrivateKey(encrypted), (err) => err.code.startsWith('ERR_OSSL_'));
assert.throws(() => crypto.createPublicKey(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
    'TypedArray, DataView, KeyObject, or CryptoKey. Received type number (1)',
});
assert.throws(() => crypto.createPrivateKey(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, ' +
    'TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.createPrivateKey({ key: 'x', format: 'bad' }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.format' is invalid. Received 'bad'",
});
assert.throws(() => crypto.createPrivateKey({ key: Buffer.alloc(3), format: 'der' }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.type' is invalid. Received undefined",
});
const secret = crypto.createSecretKey(Buffer.alloc(8));
assert.throws(() => crypto.createPublicKey(secret), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', message: 'Invalid key object type secret, expected private.',
});
const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
assert.throws(() => crypto.createPublicKey(publicKey), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', message: 'Invalid key object type public, expected private.',
});
assert.throws(() => privateKey.export(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => privateKey.export({ format: 'pem', type: 'pkcs1' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding pkcs1 can only be used for RSA keys.',
});
assert.throws(() => privateKey.export({ format: 'pem', type: 'sec1' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding sec1 can only be used for EC keys.',
});
const rsa = crypto.createPrivateKey(rsaPem);
assert.throws(() => rsa.export({ format: 'der', type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'a' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding pkcs1 does not support encryption.',
});
assert.throws(() => rsa.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc' }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.passphrase' is invalid. Received undefined",
});
assert.throws(() => rsa.export({ format: 'pem', type: 'pkcs8', cipher: 'nope', passphrase: 'x' }), {
  code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
});
assert.throws(() => crypto.createPublicKey(rsa).export({ format: 'pem', type: 'pkcs8' }), {
  code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.type' is invalid. Received 'pkcs8'",
});
assert.throws(() => crypto.createPrivateKey({ key: { kty: 'XX' }, format: 'jwk' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'key.kty' must be one of: 'RSA', 'EC', 'OKP'. Received 'XX'",
});
assert.throws(() => crypto.createPrivateKey({ key: { kty: 'RSA', n: 1 }, format: 'jwk' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key.n" property must be of type string. Received type number (1)',
});
assert.throws(() => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, format: 'jwk' }), {
  code: 'ERR_CRYPTO_INVALID_JWK', message: 'Invalid JWK EC key',
});
assert.throws(() => crypto.createPublicKey({ key: 'x', format: 'jwk' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key.key" property must be of type object. Received type string (\'x\')',
});
