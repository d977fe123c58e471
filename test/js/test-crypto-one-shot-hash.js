'use strict';
// crypto.hash(algorithm, data[, outputEncoding]) digests in one call (hex by
// default).
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

assert.strictEqual(crypto.hash('sha1', 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(crypto.hash('sha1', Buffer.from('abc'), 'base64'),
                   'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.deepStrictEqual(crypto.hash('md5', 'x', 'buffer'),
                       crypto.createHash('md5').update('x').digest());
assert.strictEqual(crypto.hash('sha256', new DataView(new ArrayBuffer(2))),
                   crypto.createHash('sha256').update(Buffer.alloc(2)).digest('hex'));
assert.throws(() => crypto.hash('sha1', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.hash('sha1', 'a', 'bogus'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'outputEncoding' is invalid. Received 'bogus'",
});
assert.throws(() => crypto.hash('bogus', 'a'), { message: 'Digest method bogus is not supported' });
