'use strict';
// SubtleCrypto AES-GCM/CBC/CTR encryption and HMAC with fixed keys, JWK export of secret keys, and failed decryption.
// Expected values were recorded from node 22.
const common = require('./common');
const assert = require('node:assert');
const { subtle } = globalThis.crypto;
const hex = (b) => Buffer.from(b).toString('hex');

(async () => {
  const raw = new Uint8Array(32).map((_, i) => i);
  const iv = new Uint8Array(12).fill(7);
  const data = new TextEncoder().encode('hello webcrypto');
  const gcm = await subtle.importKey('raw', raw, 'AES-GCM', true, ['encrypt', 'decrypt']);
  assert.deepStrictEqual(gcm.algorithm, { name: 'AES-GCM', length: 256 });
  assert.strictEqual(gcm.type, 'secret');
  assert.deepStrictEqual(gcm.usages, ['encrypt', 'decrypt']);
  const enc = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: data }, gcm, data);
  assert.ok(enc instanceof ArrayBuffer);
  assert.strictEqual(hex(enc), "670fca30002fa091a4fe61f9f0259b338b20a60b00af3e9d29ac40ec17749e");
  assert.strictEqual(hex(await subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 96 }, gcm, data)), "670fca30002fa091a4fe61f9f0259b239502a30ce3213eaec58e36");
  const dec = await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: data }, gcm, enc);
  assert.strictEqual(new TextDecoder().decode(dec), 'hello webcrypto');
  const broken = new Uint8Array(enc);
  broken[0] ^= 1;
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv, additionalData: data }, gcm, broken), {
    name: 'OperationError', message: 'The operation failed for an operation-specific reason',
  });
  assert.deepStrictEqual(await subtle.exportKey('jwk', gcm), {"key_ops":["encrypt","decrypt"],"ext":true,"alg":"A256GCM","kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"});
  assert.deepStrictEqual(new Uint8Array(await subtle.exportKey('raw', gcm)), raw);

  const cbc = await subtle.importKey('raw', raw.slice(0, 16), 'AES-CBC', true, ['encrypt', 'decrypt']);
  const cbcOut = await subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, cbc, data);
  assert.strictEqual(hex(cbcOut), "5ce9f3a97eb480d24d59246590e86d91");
  assert.strictEqual(new TextDecoder().decode(await subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, cbc, cbcOut)), 'hello webcrypto');
  await assert.rejects(subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, cbc, data), { name: 'OperationError' });

  const ctr = await subtle.importKey('raw', raw.slice(0, 24), 'AES-CTR', true, ['encrypt', 'decrypt']);
  const counter = new Uint8Array(16).fill(1);
  assert.strictEqual(hex(await subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, ctr, data)), "5099da8c7121627a35ac9886c74bc2");

  const hmac = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  assert.deepStrictEqual(hmac.algorithm, { name: 'HMAC', hash: { name: 'SHA-256' }, length: 256 });
  const mac = await subtle.sign('HMAC', hmac, data);
  assert.strictEqual(hex(mac), "566d3791bbbd2186a827c305d126fe36a97319736b982f147217fe88e125e86d");
  assert.strictEqual(await subtle.verify('HMAC', hmac, mac, data), true);
  assert.strictEqual(await subtle.verify('HMAC', hmac, mac, new Uint8Array(3)), false);
  assert.deepStrictEqual(await subtle.exportKey('jwk', hmac), {"key_ops":["sign","verify"],"ext":true,"alg":"HS256","kty":"oct","k":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"});

  // Usage and algorithm checks.
  await assert.rejects(subtle.decrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, gcm, enc), {
    name: 'InvalidAccessError', message: 'The requested operation is not valid for the provided key',
  });
  await assert.rejects(subtle.encrypt({ name: 'FOO' }, gcm, data), {
    name: 'NotSupportedError', message: 'Unrecognized algorithm name',
  });
  await assert.rejects(subtle.importKey('raw', new Uint8Array(15), 'AES-GCM', false, ['encrypt']), {
    name: 'DataError', message: 'Invalid key length',
  });
  const locked = await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  await assert.rejects(subtle.exportKey('raw', locked), { message: 'key is not extractable' });
  await assert.rejects(subtle.encrypt(), {
    code: 'ERR_MISSING_ARGS',
    message: "Failed to execute 'encrypt' on 'SubtleCrypto': 3 arguments required, but only 0 present.",
  });
})().then(common.mustCall());
