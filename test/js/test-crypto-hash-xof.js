'use strict';
// shake128/shake256 take outputLength (also on copy()); other digests only
// accept their own length.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

assert.strictEqual(crypto.createHash('shake128').digest('hex'), '7f9c2ba4e88f827d616045507605853e');
assert.strictEqual(crypto.createHash('shake128', { outputLength: 5 }).digest('hex'), '7f9c2ba4e8');
assert.strictEqual(crypto.createHash('shake128', { outputLength: 0 }).digest('hex'), '');
assert.strictEqual(crypto.createHash('shake256', { outputLength: 4 }).copy().digest('hex'),
                   '46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f');
assert.strictEqual(crypto.createHash('shake128').copy({ outputLength: 2 }).digest('hex'), '7f9c');
assert.strictEqual(crypto.createHash('shake256', { outputLength: 100000 }).digest().length, 100000);
assert.strictEqual(crypto.createHash('sha1', { outputLength: 20 }).digest('hex').length, 40);
assert.throws(() => crypto.createHash('sha1', { outputLength: 19 }), {
  code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  message: 'error:030000B2:digital envelope routines::not XOF or invalid length',
});
assert.throws(() => crypto.createHash('sha1', { outputLength: '20' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createHash('sha1', { outputLength: 1.5 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.createHash('sha1', { outputLength: 2 ** 32 }),
              { code: 'ERR_OUT_OF_RANGE' });
