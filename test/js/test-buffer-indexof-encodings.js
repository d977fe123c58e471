'use strict';
// indexOf/lastIndexOf search encoded needles; UCS-2 matches only at even
// offsets, negative offsets count from the end and an empty needle matches
// at the clamped offset.
require('./common');
const assert = require('node:assert');

const b = Buffer.from('abcabc\u00e9');
assert.strictEqual(b.indexOf('c'), 2);
assert.strictEqual(b.lastIndexOf('c'), 5);
assert.strictEqual(b.indexOf('c', -2), -1);
assert.strictEqual(b.lastIndexOf('a', 2), 0);
assert.strictEqual(b.indexOf('\u00e9'), 6);
assert.strictEqual(b.indexOf('\u00e9', 'latin1'), -1);
assert.strictEqual(b.indexOf('6263', 'hex'), 1);
assert.strictEqual(b.indexOf('YmM=', 'base64'), 1);
assert.strictEqual(b.indexOf(0x63), 2);
assert.strictEqual(b.indexOf(0x163), 2);
assert.strictEqual(b.indexOf(''), 0);
assert.strictEqual(b.indexOf('', 100), b.length);
assert.strictEqual(b.includes('abc', 1), true);
assert.strictEqual(b.includes(Buffer.from('ca')), true);

const u = Buffer.from('xaxa', 'ucs2');
assert.strictEqual(u.indexOf('a', 'ucs2'), 2);
assert.strictEqual(u.lastIndexOf('a', 'ucs2'), 6);
const odd = Buffer.from([0x00, 0x61, 0x00, 0x61, 0x00]);
assert.strictEqual(odd.indexOf('a', 'ucs2'), -1);
assert.strictEqual(odd.lastIndexOf('a', 'ucs2'), -1);
assert.throws(() => b.indexOf({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => b.indexOf('a', 0, 'bogus'), {
  code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
