'use strict';
// ReadableStream.from() reads sync and async iterables, awaits promised
// values, and calls return() when cancelled.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

(async () => {
  const got = [];
  for await (const v of ReadableStream.from([1, Promise.resolve(2)])) got.push(v);
  assert.deepStrictEqual(got, [1, 2]);

  let returned;
  async function* gen() {
    try {
      yield 'a';
      yield 'b';
    } finally {
      returned = true;
    }
  }
  const stream = ReadableStream.from(gen());
  const reader = stream.getReader();
  assert.deepStrictEqual(await reader.read(), { value: 'a', done: false });
  await reader.cancel();
  assert.strictEqual(returned, true);

  assert.throws(() => ReadableStream.from(1), { code: 'ERR_ARG_NOT_ITERABLE' });
})().then(common.mustCall());
