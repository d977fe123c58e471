'use strict';
// getCiphers()/getCurves() list OpenSSL's names sorted, lowercase spellings
// winning over case duplicates, as fresh arrays.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const ciphers = crypto.getCiphers();
for (const name of ['aes-128-cbc', 'aes-256-gcm', 'chacha20-poly1305']) {
  assert.ok(ciphers.includes(name), name);
}
assert.ok(!ciphers.includes('AES-128-CBC'));
assert.deepStrictEqual(ciphers, [...ciphers].sort());
assert.notStrictEqual(crypto.getCiphers(), ciphers);

const curves = crypto.getCurves();
for (const name of ['prime256v1', 'secp384r1', 'secp256k1']) assert.ok(curves.includes(name), name);
assert.deepStrictEqual(curves, [...curves].sort());
