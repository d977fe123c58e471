'use strict';
// AEAD ciphers (GCM, CCM, OCB, ChaCha20-Poly1305): fixed ciphertexts and tags, and a changed tag or AAD fails authentication.
// Expected values were recorded from node 22.
const assert = require('node:assert');
const crypto = require('node:crypto');

const key = Buffer.alloc(32);
for (let i = 0; i < 32; i++) key[i] = i;
const nonce = Buffer.alloc(16, 7);
const plaintext = Buffer.from("The quick brown fox jumps over the lazy dog. 0123456789");
const aad = Buffer.from('header');
const vectors = [
  ["aes-128-gcm", 16, 12, undefined, "c52431fd10cea95a9c6b40b170ce865950ab322ad88a28fc98e8965327a3e071c357d6e3f410f77bae3bcac2e55018a3c3a99a691dbb7d", "723772f298c832cc2afae2b018e164e2"],
  ["aes-256-gcm", 32, 12, 12, "5b02c37c1e7abe97adbd71f2ef269abbc733f553e282ec698d9b318c61ac126f4f21d112e03a8db26691c6d3e227e814887c867fe29938", "3ef1c7fd81c140e2d3e374e8"],
  ["aes-128-gcm", 16, 16, undefined, "8a9410eb4d1e74b3d9f3000a28236e3ce99041274c0dbb92b784a7c3e134365aadc3a6ac8bdc4febdab11e9073053b0ebd8b1b994d53fa", "2c68db40085389d435e426a8feb4df62"],
  ["aes-128-ccm", 16, 11, 10, "aef23ec2837a96d6a571bbc5a7e9774f43fb8a002b7df4c69714e6009a1c20818d04925196bfa42d0c08d28d757c3e48e369df8c52eec6", "26d505c2d83d3138c6a0"],
  ["aes-256-ccm", 32, 12, 16, "b1f5d0b2ff089f0872ccfca5225b8ceec69f475c10315cdd33d76902b995731a03ef1b51906dae4b49c219a369553edb8c133fd6a53f41", "d5041697a2f9b1712da22df3be254019"],
  ["aes-128-ocb", 16, 12, 16, "21be2252df27759e32065efeb4b8fedb577b8de1adf76e68342a30b2444a26ab3e4e3a40b1ebb633eec14e2413e4b5333e8a8cc1ad072f", "1dc48d5e1b744e67a46bb16f571db9ab"],
  ["chacha20-poly1305", 32, 12, undefined, "f23cf88f424736f7d7b186db659ca1ca3ed2f2d0887707960ccb4443f6ecc9b35496fe7b2af6cacbc5320baa8b34d2e86e5dcc4f6e68f8", "2abcd534098f40a0e29bb43e6b98112e"],
  ["chacha20-poly1305", 32, 12, 8, "f23cf88f424736f7d7b186db659ca1ca3ed2f2d0887707960ccb4443f6ecc9b35496fe7b2af6cacbc5320baa8b34d2e86e5dcc4f6e68f8", "2abcd534098f40a0"],
];

const authError = { name: 'Error', message: 'Unsupported state or unable to authenticate data' };
for (const [name, keyLength, ivLength, tagLength, ciphertext, tag] of vectors) {
  const k = key.subarray(0, keyLength);
  const iv = nonce.subarray(0, ivLength);
  const options = tagLength === undefined ? undefined : { authTagLength: tagLength };
  const cipher = crypto.createCipheriv(name, k, iv, options);
  cipher.setAAD(aad, { plaintextLength: plaintext.length });
  assert.strictEqual(Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('hex'), ciphertext);
  assert.strictEqual(cipher.getAuthTag().toString('hex'), tag);

  const decipher = crypto.createDecipheriv(name, k, iv, options);
  decipher.setAuthTag(Buffer.from(tag, 'hex'));
  decipher.setAAD(aad, { plaintextLength: plaintext.length });
  const out = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'hex')), decipher.final()]);
  assert.deepStrictEqual(out, plaintext);

  const badTag = Buffer.from(tag, 'hex');
  badTag[0] ^= 1;
  const bad = crypto.createDecipheriv(name, k, iv, options);
  bad.setAuthTag(badTag);
  bad.setAAD(aad, { plaintextLength: plaintext.length });
  assert.throws(() => { bad.update(Buffer.from(ciphertext, 'hex')); bad.final(); }, authError);

  const badAad = crypto.createDecipheriv(name, k, iv, options);
  badAad.setAuthTag(Buffer.from(tag, 'hex'));
  badAad.setAAD(Buffer.from('other!'), { plaintextLength: plaintext.length });
  assert.throws(() => { badAad.update(Buffer.from(ciphertext, 'hex')); badAad.final(); }, authError);
}

// GCM without a tag never authenticates; getAuthTag needs final() first.
{
  const d = crypto.createDecipheriv('aes-128-gcm', key.subarray(0, 16), nonce.subarray(0, 12));
  d.update(Buffer.alloc(4));
  assert.throws(() => d.final(), authError);
  const e = crypto.createCipheriv('aes-128-gcm', key.subarray(0, 16), nonce.subarray(0, 12));
  assert.throws(() => e.getAuthTag(), {
    code: 'ERR_CRYPTO_INVALID_STATE', message: 'Invalid state for operation getAuthTag',
  });
  e.final();
  assert.strictEqual(e.getAuthTag().length, 16);
  assert.throws(() => e.setAAD(Buffer.alloc(1)), { code: 'ERR_CRYPTO_INVALID_STATE' });
}
