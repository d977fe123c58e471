'use strict';
// createCipheriv/createDecipheriv give fixed outputs for fixed keys and IVs, and decrypt them back.
// Expected values were recorded from node 22.
const assert = require('node:assert');
const crypto = require('node:crypto');

const key = Buffer.alloc(64);
for (let i = 0; i < 64; i++) key[i] = i % 16;
// XTS refuses equal key halves.
for (let i = 32; i < 64; i++) key[i] = 0x80 | i;
const iv = Buffer.from('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex');
const plaintext = "The quick brown fox jumps over the lazy dog. 0123456789";
const vectors = [
  ["aes-128-cbc", 16, 16, "639dd4c509b902e13dd2ee7500cf3af9be0e128e87ffefd09f0b8132b71d1d5780e039d6d3a446a45e708c70295f38c40b21b261a37f350018ef53175d403a68"],
  ["aes-192-cbc", 24, 16, "11e9c57b70bab45942978ff85cd90a10eb944afc0d0f9a52b150a538a5380ad39e43a9df215d04a87578e8e3a7a82785bfdf2c25c1faf0d8350613a56fa4b601"],
  ["aes-256-cbc", 32, 16, "969245b1c7ed7dabaf35ae421d4f8c063c6f21779ce0296c16f6443d40b1bc168f985ca95703f12198762b7465b7c602fe8ea6cceca19edd608c7e36f124a24a"],
  ["aes-128-ecb", 16, null, "f7021c01de43c8147cd2477a7eba55b3698dc29f6db0d5eda4eec682b3393abb05b2b100b91a4f0e4a6c95b3e3d244aa7f0dce9a8a6cfeda0d22f5cf4bdd5d03"],
  ["aes-128-ctr", 16, 16, "32cfa2c84527582bfc71bc755c61c38dd4eeaf20ddeb51ddd78d1ccd0bee3f9eba14b23a1d2192bd9feeec776fa2644343ec536c0b8761"],
  ["aes-256-ctr", 32, 16, "8d5ebf194d215f2d5984150c2540995742edcba9f8efc36ded6bc892169aea723aeef0adf746cb919135d9d2ea7dd7e9a3d0dda8398dd8"],
  ["aes-128-cfb", 16, 16, "32cfa2c84527582bfc71bc755c61c38d3ce17e0678914a95594d20e37158a2a34601c5fe071a7c70a9ff8dc13f367801f2eb23c46e3c88"],
  ["aes-128-cfb8", 16, 16, "32b84a8611e14969ca18811fe25d765b589b1f0ed9204514ef27b077f1afebbc0f52d901ec943a59f751c5a4495742a1a40e9d8e6711b3"],
  ["aes-128-ofb", 16, 16, "32cfa2c84527582bfc71bc755c61c38d080ee19a3ca0e122784e0a6094b8a1deb7ad52d2ed416f010b4a814eadb7e9e696f44c5fa9be5a"],
  ["des-ede3-cbc", 24, 8, "ee5d39479c4dd41bd31ef31bcb0219a81722e90484a8bcee37d8bc08832447e12800e3cfb9442e4a0986cac0df825cd94e200e5e1f62070c"],
  ["chacha20", 32, 16, "56ebd48e0571555a0b96be3ab3c22b3028fc19e4ddd18147f9e1845626d7519ce87eac7d14527e8da4fd3e784cfef54ce6b0fd4e1209cb"],
  ["aes-256-xts", 64, 16, "fd506965b6550e8ba2efe5c75a8dbd2ff8ca8a1df1997b33f4b8de90779cb1bce4bac524df87af1835aeafcbf36fa028be7479a6bf2ecf"],
];

for (const [name, keyLength, ivLength, expected] of vectors) {
  const k = key.subarray(0, keyLength);
  const v = ivLength === null ? null : iv.subarray(0, ivLength);
  const cipher = crypto.createCipheriv(name, k, v);
  const enc = cipher.update(plaintext, 'utf8', 'hex') + cipher.final('hex');
  assert.strictEqual(enc, expected, name);
  const decipher = crypto.createDecipheriv(name, k, v);
  const dec = Buffer.concat([decipher.update(Buffer.from(expected, 'hex')), decipher.final()]);
  assert.strictEqual(dec.toString(), plaintext, name);
}

// Output encodings, chunked input and multi-byte characters split across updates.
{
  const cipher = crypto.createCipheriv('aes-128-cbc', 'abcdefghijklmnop', 'abcdefghijklmnop');
  assert.strictEqual(cipher.update('h\u00e9llo w\u00f6rld \u20ac', 'utf8', 'base64') + cipher.final('base64'),
                     "P+lFhmZ5sjSAz405eoThZgQoERrgBK4reLGZdtb93fs=");
  const enc = Buffer.from("a8fa3adfee87a35ef367f5987fa67b39", 'hex');
  const decipher = crypto.createDecipheriv('aes-128-cbc', 'abcdefghijklmnop', 'abcdefghijklmnop');
  let text = '';
  for (let i = 0; i < enc.length; i += 5) text += decipher.update(enc.subarray(i, i + 5), undefined, 'utf8');
  text += decipher.final('utf8');
  assert.strictEqual(text, '\u20ac\u20ac\u20ac \u00e9\u00e9');
}

// No padding: whole blocks only.
{
  const cipher = crypto.createCipheriv('aes-128-cbc', key.subarray(0, 16), iv);
  assert.strictEqual(cipher.setAutoPadding(false), cipher);
  assert.strictEqual(cipher.update(Buffer.alloc(32, 1)).toString('hex') + cipher.final('hex'),
                     "fa72df3022eadf572bc917e75685af7979d0ea03f13fe72f52938e017b7d2340");
}

// Key wrap (RFC 3394 / RFC 5649).
{
  const w = crypto.createCipheriv('id-aes128-wrap', key.subarray(0, 16), Buffer.from('A6A6A6A6A6A6A6A6', 'hex'));
  assert.strictEqual(Buffer.concat([w.update(key.subarray(0, 16)), w.final()]).toString('hex'),
                     "935a3eb101c34add025e170b46ff0db23e5c2fae8c8f8370");
  const p = crypto.createCipheriv('id-aes256-wrap-pad', key.subarray(0, 32), Buffer.from('A65959A6', 'hex'));
  assert.strictEqual(Buffer.concat([p.update('abcde'), p.final()]).toString('hex'),
                     "2980eb2fc728f17b483fdfa91ed1dedb");
}

// getCipherInfo.
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-cbc'), {"mode":"cbc","name":"aes-128-cbc","nid":419,"blockSize":16,"ivLength":16,"keyLength":16});
assert.deepStrictEqual(crypto.getCipherInfo('AES-256-GCM'), {"mode":"gcm","name":"id-aes256-gcm","nid":901,"blockSize":1,"ivLength":12,"keyLength":32});
assert.deepStrictEqual(crypto.getCipherInfo('chacha20-poly1305'), {"mode":"stream","name":"chacha20-poly1305","nid":1018,"ivLength":12,"keyLength":32});
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-ecb'), {"mode":"ecb","name":"aes-128-ecb","nid":418,"blockSize":16,"keyLength":16});
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-gcm', { ivLength: 8 }), {"mode":"gcm","name":"id-aes128-gcm","nid":895,"blockSize":1,"ivLength":8,"keyLength":16});
assert.strictEqual(crypto.getCipherInfo('aes-128-cbc', { ivLength: 8 }), undefined);
assert.strictEqual(crypto.getCipherInfo('no-such-cipher'), undefined);
assert.strictEqual(crypto.getCipherInfo(419).name, 'aes-128-cbc');
