'use strict';
// Readable.from() emits a string or Buffer as one chunk but iterates other
// iterables, awaiting promises a sync iterable yields.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  assert.deepStrictEqual(await Readable.from('abc').toArray(), ['abc']);
  const buf = Buffer.from('xyz');
  assert.deepStrictEqual(await Readable.from(buf).toArray(), [buf]);
  assert.deepStrictEqual(await Readable.from(['a', 'b']).toArray(), ['a', 'b']);
  assert.deepStrictEqual(
    await Readable.from([Promise.resolve(1), 2]).toArray(), [1, 2]);
  const r = Readable.from([1]);
  assert.strictEqual(r.readableObjectMode, true);
  assert.strictEqual(r.readableHighWaterMark, 1);
  assert.throws(() => Readable.from(null), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(common.mustCall());
