'use strict';
// Key objects from fixed keys export the same PEM, DER and JWK as node, and import them back.
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
const ecJwk = {"kty":"EC","x":"d-scr3EGM136J4Tfuq6X6MxNB926TUTOrNWswNRwPEs","y":"MBHYG5gOdq7qiyp26JY4BJz_ePabZZrry83Ax-TXDes","crv":"P-256","d":"5a5E3YNw55-yrra-aZ2biZNQYmPlUkQc_4TqyEaB3wo"};
const edJwk = {"crv":"Ed25519","d":"a03dT3CyKbc_3cDrB7H34BvIykJGKXYCWqztiRUHp8M","x":"tzd9i1YwWJXp0tDP7z5lJaIxxwL656ptlMkwEDcKNKM","kty":"OKP"};

const rsa = crypto.createPrivateKey(rsaPem);
assert.strictEqual(rsa.type, 'private');
assert.strictEqual(rsa.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsa.asymmetricKeyDetails, { modulusLength: 1024, publicExponent: 65537n });
assert.deepStrictEqual(rsa.export({ format: 'jwk' }), {"kty":"RSA","n":"yJkfA4mq7jIfNU9UB0MHYPgEHnDp7srEc-s0BByaB8i7cANswYyz4rIdiC13gVDETf43J3GdlvTXugmxUXrhgrZLJXcwArIuIeWpNaWQ57FSiPfA4fPYhp0v4zKbVWDCGzVrtbTmrp7Qo9ShoYdzLl6L-yf7gRieMNV5eh_gtRM","e":"AQAB","d":"s8WuKrB81F1s5IzEZIGoojmDD3jn3U4wwyX9htXPILy_ZkJbfBXJvJcdqkX8_JJSawcxjJLgxUGF977p_3idkb3VZ2MEB-ROQ2cdcL8ca-0xxL2EB_qPiSmu3pUXQLyToplmFRwuENMnkaVQCB4KadwhbhTG-1iW8srcrSNvQxE","p":"6K38q9cFBg4T1iCZytluH5DCzYRxOvNLUA-OT9EwfYQBpG9pITUyfNCtNaM_Tx1WM2dZo0Qrez_I31wgp5KpyQ","q":"3LP_fmWs1rIvrYCq98wZoarkIlxkUJW_WO32ERWM7SlP-vXPp7vfJgwhH5O071iw6n5T7rlY_X-xH4U0VVDV-w","dp":"50JuPJj0TEVXn949HOkoU8U8aKm3JMFFXGhpqJkg2c-HFlkJI1FNQdLiJMqBFO_yihqxc91AXjpSOvXFGuhhSQ","dq":"oQ5VhxaJf48-jb2UhgoSNlDv9Ec6CTiOD0Zvx93THoqETB4vcDcAS9KUJWfzpKozSJvxggcN8sfJKLhbDVtVGw","qi":"R86N4Gk7wrDQ7nc9HrpRGCeLdK8V2_z470xTanLiYI0mkQo2UaAr1EkHOUQr1FPuKYRzEU2D1AUT3dywM1ls5Q"});
assert.strictEqual(rsa.export({ type: 'pkcs8', format: 'pem' }), `-----BEGIN PRIVATE KEY-----
MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBAMiZHwOJqu4yHzVP
VAdDB2D4BB5w6e7KxHPrNAQcmgfIu3ADbMGMs+KyHYgtd4FQxE3+NydxnZb017oJ
sVF64YK2SyV3MAKyLiHlqTWlkOexUoj3wOHz2IadL+Mym1Vgwhs1a7W05q6e0KPU
oaGHcy5ei/sn+4EYnjDVeXof4LUTAgMBAAECgYEAs8WuKrB81F1s5IzEZIGoojmD
D3jn3U4wwyX9htXPILy/ZkJbfBXJvJcdqkX8/JJSawcxjJLgxUGF977p/3idkb3V
Z2MEB+ROQ2cdcL8ca+0xxL2EB/qPiSmu3pUXQLyToplmFRwuENMnkaVQCB4Kadwh
bhTG+1iW8srcrSNvQxECQQDorfyr1wUGDhPWIJnK2W4fkMLNhHE680tQD45P0TB9
hAGkb2khNTJ80K01oz9PHVYzZ1mjRCt7P8jfXCCnkqnJAkEA3LP/fmWs1rIvrYCq
98wZoarkIlxkUJW/WO32ERWM7SlP+vXPp7vfJgwhH5O071iw6n5T7rlY/X+xH4U0
VVDV+wJBAOdCbjyY9ExFV5/ePRzpKFPFPGiptyTBRVxoaaiZINnPhxZZCSNRTUHS
4iTKgRTv8ooasXPdQF46Ujr1xRroYUkCQQChDlWHFol/jz6NvZSGChI2UO/0RzoJ
OI4PRm/H3dMeioRMHi9wNwBL0pQlZ/OkqjNIm/GCBw3yx8kouFsNW1UbAkBHzo3g
aTvCsNDudz0eulEYJ4t0rxXb/PjvTFNqcuJgjSaRCjZRoCvUSQc5RCvUU+4phHMR
TYPUBRPd3LAzWWzl
-----END PRIVATE KEY-----
`);
assert.strictEqual(rsa.export({ type: 'pkcs1', format: 'pem' }), rsaPem);
const rsaPub = crypto.createPublicKey(rsaPem);
assert.strictEqual(rsaPub.type, 'public');
assert.strictEqual(rsaPub.export({ type: 'spki', format: 'pem' }), `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDImR8DiaruMh81T1QHQwdg+AQe
cOnuysRz6zQEHJoHyLtwA2zBjLPish2ILXeBUMRN/jcncZ2W9Ne6CbFReuGCtksl
dzACsi4h5ak1pZDnsVKI98Dh89iGnS/jMptVYMIbNWu1tOauntCj1KGhh3MuXov7
J/uBGJ4w1Xl6H+C1EwIDAQAB
-----END PUBLIC KEY-----
`);
assert.strictEqual(rsaPub.export({ type: 'pkcs1', format: 'der' }).toString('base64'), "MIGJAoGBAMiZHwOJqu4yHzVPVAdDB2D4BB5w6e7KxHPrNAQcmgfIu3ADbMGMs+KyHYgtd4FQxE3+NydxnZb017oJsVF64YK2SyV3MAKyLiHlqTWlkOexUoj3wOHz2IadL+Mym1Vgwhs1a7W05q6e0KPUoaGHcy5ei/sn+4EYnjDVeXof4LUTAgMBAAE=");
assert.deepStrictEqual(rsaPub.export({ format: 'jwk' }), {"kty":"RSA","n":"yJkfA4mq7jIfNU9UB0MHYPgEHnDp7srEc-s0BByaB8i7cANswYyz4rIdiC13gVDETf43J3GdlvTXugmxUXrhgrZLJXcwArIuIeWpNaWQ57FSiPfA4fPYhp0v4zKbVWDCGzVrtbTmrp7Qo9ShoYdzLl6L-yf7gRieMNV5eh_gtRM","e":"AQAB"});
assert.ok(rsaPub.equals(crypto.createPublicKey(rsa)));
assert.ok(!rsa.equals(rsaPub));
assert.ok(crypto.createPrivateKey({ key: rsa.export({ format: 'jwk' }), format: 'jwk' }).equals(rsa));
assert.ok(crypto.createPrivateKey({ key: rsa.export({ type: 'pkcs8', format: 'der' }), format: 'der', type: 'pkcs8' }).equals(rsa));
assert.ok(crypto.createPublicKey({ key: rsaPub.export({ type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' }).equals(rsaPub));

// Encrypted PEM, PKCS#8 and traditional, round-trips with the passphrase.
for (const type of ['pkcs8', 'pkcs1']) {
  const pem = rsa.export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase: 'top secret' });
  assert.match(pem, type === 'pkcs8' ? /^-----BEGIN ENCRYPTED PRIVATE KEY-----/ : /Proc-Type: 4,ENCRYPTED/);
  assert.ok(crypto.createPrivateKey({ key: pem, passphrase: 'top secret' }).equals(rsa));
  assert.ok(crypto.createPrivateKey({ key: pem, passphrase: Buffer.from('top secret') }).equals(rsa));
}

const ec = crypto.createPrivateKey({ key: ecJwk, format: 'jwk' });
assert.strictEqual(ec.asymmetricKeyType, 'ec');
assert.deepStrictEqual(ec.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
assert.deepStrictEqual(ec.export({ format: 'jwk' }), ecJwk);
assert.strictEqual(ec.export({ type: 'sec1', format: 'pem' }), `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIOWuRN2DcOefsq62vmmdm4mTUGJj5VJEHP+E6shGgd8KoAoGCCqGSM49
AwEHoUQDQgAEd+scr3EGM136J4Tfuq6X6MxNB926TUTOrNWswNRwPEswEdgbmA52
ruqLKnboljgEnP949ptlmuvLzcDH5NcN6w==
-----END EC PRIVATE KEY-----
`);
assert.strictEqual(crypto.createPublicKey(ec).export({ type: 'spki', format: 'der' }).toString('hex'), "3059301306072a8648ce3d020106082a8648ce3d0301070342000477eb1caf7106335dfa2784dfbaae97e8cc4d07ddba4d44ceacd5acc0d4703c4b3011d81b980e76aeea8b2a76e89638049cff78f69b659aebcbcdc0c7e4d70deb");
assert.ok(crypto.createPrivateKey(ec.export({ type: 'sec1', format: 'pem' })).equals(ec));
assert.ok(crypto.createPrivateKey({ key: ec.export({ type: 'sec1', format: 'der' }), format: 'der', type: 'sec1' }).equals(ec));

const ed = crypto.createPrivateKey({ key: edJwk, format: 'jwk' });
assert.strictEqual(ed.asymmetricKeyType, 'ed25519');
assert.deepStrictEqual(ed.asymmetricKeyDetails, {});
assert.deepStrictEqual(ed.export({ format: 'jwk' }), edJwk);
assert.strictEqual(ed.export({ type: 'pkcs8', format: 'pem' }), `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIGtN3U9wsim3P93A6wex9+AbyMpCRil2Alqs7YkVB6fD
-----END PRIVATE KEY-----
`);
assert.strictEqual(crypto.createPublicKey(ed).export({ type: 'spki', format: 'pem' }), `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAtzd9i1YwWJXp0tDP7z5lJaIxxwL656ptlMkwEDcKNKM=
-----END PUBLIC KEY-----
`);
assert.deepStrictEqual(crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: edJwk.x }, format: 'jwk' }).export({ format: 'jwk' }),
                       { crv: 'Ed25519', x: edJwk.x, kty: 'OKP' });

// Secret keys.
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
assert.deepStrictEqual(secret.export({ format: 'jwk' }), { kty: 'oct', k: 'MDEyMzQ1Njc4OWFiY2RlZg' });
assert.strictEqual(secret.symmetricKeySize, 16);
