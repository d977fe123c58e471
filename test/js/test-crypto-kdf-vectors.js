'use strict';
// pbkdf2, hkdf and scrypt give the published test vectors, synchronously and
// through the thread pool.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

// RFC 6070.
const pbkdf2 = '4b007901b765489abead49d926f721d065a429c1';
assert.strictEqual(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'), pbkdf2);
crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1', common.mustSucceed((key) => {
  assert.ok(Buffer.isBuffer(key));
  assert.strictEqual(key.toString('hex'), pbkdf2);
}));
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 20, 'nope'), {
  code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: nope',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'), { code: 'ERR_OUT_OF_RANGE' });

// RFC 5869 test case 1.
const ikm = Buffer.alloc(22, 0x0b);
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
const okm = '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865';
const out = crypto.hkdfSync('sha256', ikm, salt, info, 42);
assert.ok(out instanceof ArrayBuffer);
assert.strictEqual(Buffer.from(out).toString('hex'), okm);
crypto.hkdf('sha256', ikm, salt, info, 42, common.mustSucceed((key) => {
  assert.strictEqual(Buffer.from(key).toString('hex'), okm);
}));
assert.throws(() => crypto.hkdfSync('sha256', ikm, salt, info, 255 * 32 + 1), {
  code: 'ERR_CRYPTO_INVALID_KEYLEN',
});

// RFC 7914 section 12, second vector.
const scrypt = 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
               '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
const params = { N: 1024, r: 8, p: 16 };
assert.strictEqual(crypto.scryptSync('password', 'NaCl', 64, params).toString('hex'), scrypt);
crypto.scrypt('password', 'NaCl', 64, params, common.mustSucceed((key) => {
  assert.strictEqual(key.toString('hex'), scrypt);
}));
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 3 }), {
  code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', name: 'RangeError',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
});
