'use strict';
// A Hash digests once (then ERR_CRYPTO_HASH_FINALIZED); an Hmac's second
// digest() is empty; copy() forks the state.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const h = crypto.createHash('sha512');
h.update('abc');
const copy = h.copy();
h.digest();
for (const fn of [() => h.digest(), () => h.update('x'), () => h.copy()]) {
  assert.throws(fn, { code: 'ERR_CRYPTO_HASH_FINALIZED', name: 'Error',
                      message: 'Digest already called' });
}
assert.strictEqual(copy.update('def').digest('hex'),
                   crypto.createHash('sha512').update('abcdef').digest('hex'));

// A throwing encoding leaves the hash usable.
const h2 = crypto.createHash('sha1');
assert.throws(() => h2.digest({ toString() { throw new Error('boom'); } }), /boom/);
assert.strictEqual(h2.digest('hex'), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');

const m = crypto.createHmac('sha1', 'key').update('data');
assert.strictEqual(m.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
assert.strictEqual(m.digest('hex'), '');
assert.deepStrictEqual(m.digest(), Buffer.alloc(0));
assert.throws(() => m.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
