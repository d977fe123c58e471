'use strict';
// Hash and Hmac are Transform streams: written data is hashed and the digest
// is the one chunk read.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');
const { Transform, PassThrough } = require('node:stream');

const h = crypto.createHash('sha256');
assert.ok(h instanceof Transform);
h.write('ab');
h.write(Buffer.from('c'));
h.end();
assert.strictEqual(h.read().toString('hex'),
                   'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

const src = new PassThrough();
const hmac = crypto.createHmac('sha1', 'key');
src.pipe(hmac).setEncoding('hex').on('data', common.mustCall((digest) => {
  assert.strictEqual(digest, '104152c5bfdca07bc633eebd46199f0255c9f49d');
}));
src.end('data');

// Strings written with an encoding are decoded with it.
const h2 = crypto.createHash('md5');
h2.end('616263', 'hex');
assert.strictEqual(h2.read().toString('hex'), crypto.createHash('md5').update('abc').digest('hex'));
