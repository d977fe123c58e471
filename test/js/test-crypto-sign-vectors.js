'use strict';
// Signatures: RSA PKCS#1 v1.5 and Ed25519 give node's fixed signatures; PSS, ECDSA (DER and P1363) and DSA verify both ways; async forms.
// Expected values were recorded from node 22.
const common = require('./common');
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
const data = Buffer.from('some data to sign');

const rsa = crypto.createPrivateKey(rsaPem);
const rsaPub = crypto.createPublicKey(rsa);
const rsaSig = "39489cff5763b8e3fbb32c391b635904396fa8967bcb49f75faaeaecb57c78ca0bec4f3b8db355d892e97020a44c3d5cf9ccc2384f8ccba3a791b52d104b8a97d71420d2ac98302ae89fb95f1c000f37fd6b1304081284a78f9fdc29f1edf32e790eae178860a28afeff4201be0feb770c26298fb6ccf746ed2fbf6edc5685bb";
assert.strictEqual(crypto.sign('sha256', data, rsa).toString('hex'), rsaSig);
assert.strictEqual(crypto.sign('RSA-SHA256', data, rsaPem).toString('hex'), rsaSig);
assert.strictEqual(crypto.createSign('SHA256').update('some data ').update('to sign').sign(rsaPem, 'hex'), rsaSig);
assert.strictEqual(crypto.sign(null, data, rsa).toString('hex'), rsaSig);
assert.strictEqual(crypto.createSign('sha1').update(data).sign(rsa, 'base64'), "BZx1VhUlee16/lKA0X7R7JjoWSCNVPASmTbm6qsh4jICHZBOou7c2vhtpKNFWJlBEKUZfZfYDjfCwY4RuHSBOdYs/lFIqSONPJav0O6AGBMnuIGaVi/0ofNNmwfOD3aUH00FE/dJ1ueU+fAJ66Ijh3zOuuFUxG/KD7+6oUk88L8=");
assert.ok(crypto.verify('sha256', data, rsaPub, Buffer.from(rsaSig, 'hex')));
assert.ok(crypto.verify('sha256', data, rsaPem, Buffer.from(rsaSig, 'hex')));
assert.ok(crypto.createVerify('sha256').update(data).verify(rsaPub, rsaSig, 'hex'));
assert.ok(!crypto.verify('sha256', Buffer.from('other'), rsaPub, Buffer.from(rsaSig, 'hex')));
assert.ok(!crypto.verify('sha384', data, rsaPub, Buffer.from(rsaSig, 'hex')));

// RSA-PSS: the salt length must match when given.
{
  const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
  const sig = crypto.sign('sha256', data, { key: rsa, ...pss });
  assert.strictEqual(sig.length, 128);
  assert.ok(crypto.verify('sha256', data, { key: rsaPub, ...pss }, sig));
  assert.ok(!crypto.verify('sha256', data, { key: rsaPub, ...pss, saltLength: 20 }, sig));
  assert.ok(crypto.verify('sha256', data, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, sig));
  assert.ok(!crypto.verify('sha256', data, rsaPub, sig));
}

// ECDSA, DER and IEEE P1363.
{
  const ec = crypto.createPrivateKey({ key: ecJwk, format: 'jwk' });
  const pub = crypto.createPublicKey(ec);
  const der = crypto.sign('sha256', data, ec);
  assert.strictEqual(der[0], 0x30);
  assert.ok(crypto.verify('sha256', data, pub, der));
  const p1363 = crypto.sign('sha256', data, { key: ec, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(p1363.length, 64);
  assert.ok(crypto.verify('sha256', data, { key: pub, dsaEncoding: 'ieee-p1363' }, p1363));
  assert.ok(!crypto.verify('sha256', data, { key: pub, dsaEncoding: 'ieee-p1363' }, der));
  assert.ok(!crypto.verify('sha256', data, pub, p1363));
  // A signature node made with this key.
  assert.ok(crypto.verify('sha256', data, { key: pub, dsaEncoding: 'ieee-p1363' },
                          Buffer.from("f92d53c7752b091e392cd0f850b773bf68d46055ae0bd337a581a3cdce12086c67edb051c2ed42fe40fce2b21d47c325ce247a123143008889fd2fd32efcf67d", 'hex')));
  assert.throws(() => crypto.sign('sha256', data, { key: ec, dsaEncoding: 'x' }), {
    code: 'ERR_INVALID_ARG_VALUE', message: "The property 'options.dsaEncoding' is invalid. Received 'x'",
  });
}

// Ed25519 is deterministic and takes no digest.
{
  const ed = crypto.createPrivateKey({ key: edJwk, format: 'jwk' });
  const sig = "3a51397f0a3908e148cac23cdf3cd7ecd835f9e25019a3e4863758f517b51c956e0c177c9db3810e8b40aa03a4473ec533f2a25755f96f1ef506b6b384a50806";
  assert.strictEqual(crypto.sign(null, data, ed).toString('hex'), sig);
  assert.strictEqual(crypto.sign(undefined, Buffer.alloc(0), ed).toString('hex'), "0a956fc2fb2bdd5a5984d3c115de860c6efac8d8f5b6635dd2d64caec77d60c02412703d4b7b99a649cc6dde6429ac84fc93d44f0c626dd694bb413f08cc3f0e");
  assert.ok(crypto.verify(null, data, crypto.createPublicKey(ed), Buffer.from(sig, 'hex')));
  assert.throws(() => crypto.createSign('sha256').update(data).sign(ed), {
    code: 'ERR_CRYPTO_UNSUPPORTED_OPERATION', message: 'Unsupported crypto operation',
  });
  crypto.sign(null, data, ed, common.mustSucceed((s) => {
    assert.strictEqual(s.toString('hex'), sig);
    crypto.verify(null, data, crypto.createPublicKey(ed), s, common.mustSucceed((ok) => {
      assert.strictEqual(ok, true);
    }));
  }));
}

// DSA.
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
  const sig = crypto.createSign('sha256').update(data).sign(privateKey);
  assert.ok(crypto.createVerify('sha256').update(data).verify(publicKey, sig));
  const p = crypto.sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  assert.strictEqual(p.length, 2 * Math.ceil(privateKey.asymmetricKeyDetails.divisorLength / 8));
}

// Errors.
assert.throws(() => crypto.createSign('nope'), { code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest' });
assert.throws(() => crypto.createSign('sha256').sign(), {
  code: 'ERR_CRYPTO_SIGN_KEY_REQUIRED', message: 'No key provided to sign',
});
assert.throws(() => crypto.sign('sha256', data, rsaPub), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', message: 'Invalid key object type public, expected private.',
});
assert.throws(() => crypto.sign('sha256', 'x', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.sign('sha256', data, { key: rsa, padding: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });

// Sign and Verify are writable streams.
{
  const signer = crypto.createSign('sha256');
  signer.write('some data ');
  signer.end('to sign');
  signer.on('finish', common.mustCall(() => {
    assert.strictEqual(signer.sign(rsa, 'hex'), rsaSig);
  }));
}
