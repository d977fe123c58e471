'use strict';
// SubtleCrypto ECDSA/Ed25519 signatures, EC key import/export in every format, ECDH/PBKDF2/HKDF derivation and AES-KW wrapping with fixed keys.
// Expected values were recorded from node 22.
const common = require('./common');
const assert = require('node:assert');
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');
const ecJwk = {"kty":"EC","x":"d-scr3EGM136J4Tfuq6X6MxNB926TUTOrNWswNRwPEs","y":"MBHYG5gOdq7qiyp26JY4BJz_ePabZZrry83Ax-TXDes","crv":"P-256","d":"5a5E3YNw55-yrra-aZ2biZNQYmPlUkQc_4TqyEaB3wo"};
const edJwk = {"crv":"Ed25519","d":"a03dT3CyKbc_3cDrB7H34BvIykJGKXYCWqztiRUHp8M","x":"tzd9i1YwWJXp0tDP7z5lJaIxxwL656ptlMkwEDcKNKM","kty":"OKP"};

(async () => {
  const raw = new Uint8Array(32).map((_, i) => i);
  const data = new TextEncoder().encode('hello webcrypto');
  const ecPriv = await subtle.importKey('jwk', ecJwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  const { d, ...pubJwk } = ecJwk;
  const ecPub = await subtle.importKey('jwk', pubJwk, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  assert.deepStrictEqual(ecPub.algorithm, { name: 'ECDSA', namedCurve: 'P-256' });
  assert.strictEqual(ecPriv.type, 'private');
  assert.strictEqual(ecPub.type, 'public');
  assert.strictEqual(hex(await subtle.exportKey('raw', ecPub)), "0477eb1caf7106335dfa2784dfbaae97e8cc4d07ddba4d44ceacd5acc0d4703c4b3011d81b980e76aeea8b2a76e89638049cff78f69b659aebcbcdc0c7e4d70deb");
  assert.strictEqual(hex(await subtle.exportKey('spki', ecPub)), "3059301306072a8648ce3d020106082a8648ce3d0301070342000477eb1caf7106335dfa2784dfbaae97e8cc4d07ddba4d44ceacd5acc0d4703c4b3011d81b980e76aeea8b2a76e89638049cff78f69b659aebcbcdc0c7e4d70deb");
  assert.strictEqual(hex(await subtle.exportKey('pkcs8', ecPriv)), "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420e5ae44dd8370e79fb2aeb6be699d9b8993506263e552441cff84eac84681df0aa1440342000477eb1caf7106335dfa2784dfbaae97e8cc4d07ddba4d44ceacd5acc0d4703c4b3011d81b980e76aeea8b2a76e89638049cff78f69b659aebcbcdc0c7e4d70deb");
  assert.deepStrictEqual(await subtle.exportKey('jwk', ecPriv), {"key_ops":["sign"],"ext":true,"kty":"EC","x":"d-scr3EGM136J4Tfuq6X6MxNB926TUTOrNWswNRwPEs","y":"MBHYG5gOdq7qiyp26JY4BJz_ePabZZrry83Ax-TXDes","crv":"P-256","d":"5a5E3YNw55-yrra-aZ2biZNQYmPlUkQc_4TqyEaB3wo"});
  const sig = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecPriv, data);
  assert.strictEqual(sig.byteLength, 64);
  assert.strictEqual(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, sig, data), true);
  assert.strictEqual(await subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, ecPub, sig, data), false);
  const fromRaw = await subtle.importKey('raw', await subtle.exportKey('raw', ecPub), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  assert.strictEqual(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, fromRaw, sig, data), true);
  const fromPkcs8 = await subtle.importKey('pkcs8', await subtle.exportKey('pkcs8', ecPriv), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  assert.strictEqual(fromPkcs8.extractable, false);
  await assert.rejects(subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, ecPub, data), {
    name: 'InvalidAccessError', message: 'Unable to use this key to sign',
  });
  await assert.rejects(subtle.exportKey('pkcs8', ecPub), { name: 'NotSupportedError' });
  await assert.rejects(subtle.importKey('spki', await subtle.exportKey('spki', ecPub), { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('spki', new Uint8Array(3), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']), {
    name: 'DataError', message: 'Invalid keyData',
  });

  const ed = await subtle.importKey('jwk', edJwk, 'Ed25519', true, ['sign']);
  assert.strictEqual(hex(await subtle.sign('Ed25519', ed, data)), "5010a90fc4d395a24883f35705d7d13c8c40e54003f77742afb76a3b9abd9f34cb5423ad58be5e376bc7b6a09505746cc712dab880cce56f88f50c6fbfdf060b");
  assert.deepStrictEqual(await subtle.exportKey('jwk', ed), {"key_ops":["sign"],"ext":true,"alg":"Ed25519","crv":"Ed25519","d":"a03dT3CyKbc_3cDrB7H34BvIykJGKXYCWqztiRUHp8M","x":"tzd9i1YwWJXp0tDP7z5lJaIxxwL656ptlMkwEDcKNKM","kty":"OKP"});
  const edPub = await subtle.importKey('raw', Buffer.from(edJwk.x, 'base64url'), 'Ed25519', true, ['verify']);
  assert.strictEqual(await subtle.verify('Ed25519', edPub, await subtle.sign('Ed25519', ed, data), data), true);

  const e1 = await subtle.importKey('jwk', ecJwk, { name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits', 'deriveKey']);
  const e2 = await subtle.importKey('jwk', pubJwk, { name: 'ECDH', namedCurve: 'P-256' }, true, []);
  assert.strictEqual(hex(await subtle.deriveBits({ name: 'ECDH', public: e2 }, e1, 256)), "66ecad717995ebb389a713af13f10931022773eb7a2e48ca44cb4db62bcd52be");
  assert.strictEqual(hex(await subtle.deriveBits({ name: 'ECDH', public: e2 }, e1, 128)), "66ecad717995ebb389a713af13f10931");
  const derived = await subtle.deriveKey({ name: 'ECDH', public: e2 }, e1, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  assert.strictEqual(hex(await subtle.exportKey('raw', derived)), "66ecad717995ebb389a713af13f10931");

  const pb = await subtle.importKey('raw', new TextEncoder().encode('password'), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
  assert.strictEqual(hex(await subtle.deriveBits({ name: 'PBKDF2', salt: new Uint8Array(8), iterations: 1000, hash: 'SHA-256' }, pb, 256)), "9ac445267de112580f8c67a772609e77773a1770dd6e56a52f31971582a2b50f");
  await assert.rejects(subtle.importKey('raw', new Uint8Array(3), 'PBKDF2', true, ['deriveBits']), {
    name: 'SyntaxError', message: 'PBKDF2 keys are not extractable',
  });
  const hk = await subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits']);
  assert.strictEqual(hex(await subtle.deriveBits({ name: 'HKDF', salt: new Uint8Array(4), info: new Uint8Array(3), hash: 'SHA-384' }, hk, 128)), "778e64d48208cbbf627c262bc819cc20");

  const gcm = await subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
  const kw = await subtle.importKey('raw', raw.slice(0, 16), 'AES-KW', true, ['wrapKey', 'unwrapKey']);
  const wrapped = await subtle.wrapKey('raw', gcm, kw, 'AES-KW');
  assert.strictEqual(hex(wrapped), "0e7808f506f2c3e7aa6edad793ac4495b093eb482e5c7ca9c170c9faa07dc0cbbb87512e19fd4092");
  const unwrapped = await subtle.unwrapKey('raw', wrapped, kw, 'AES-KW', 'AES-GCM', true, ['decrypt']);
  assert.deepStrictEqual(new Uint8Array(await subtle.exportKey('raw', unwrapped)), raw);

  // generateKey gives a key pair with the usages split by type.
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  assert.deepStrictEqual(pair.privateKey.usages, ['sign']);
  assert.deepStrictEqual(pair.publicKey.usages, ['verify']);
  assert.strictEqual(pair.publicKey.extractable, true);
  const aes = await subtle.generateKey({ name: 'AES-CBC', length: 192 }, false, ['encrypt']);
  assert.deepStrictEqual(aes.algorithm, { name: 'AES-CBC', length: 192 });
  await assert.rejects(subtle.generateKey({ name: 'AES-GCM', length: 100 }, true, ['encrypt']), {
    name: 'OperationError', message: 'AES key length must be 128, 192, or 256 bits',
  });
  await assert.rejects(subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, []), {
    name: 'SyntaxError', message: 'Usages cannot be empty when creating a key.',
  });
  const hmacKey = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, true, ['sign']);
  assert.deepStrictEqual(hmacKey.algorithm, { name: 'HMAC', length: 1024, hash: { name: 'SHA-512' } });
  // KeyObject.from() gives the key behind a CryptoKey.
  const ko = require('node:crypto').KeyObject.from(hmacKey);
  assert.strictEqual(ko.symmetricKeySize, 128);
})().then(common.mustCall());
