'use strict';
// Breaking out of for await cancels the stream unless preventCancel is set;
// either way the lock is released.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

(async () => {
  let cancelled = 0;
  const make = () => new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
    },
    cancel() { cancelled++; },
  });
  const a = make();
  for await (const v of a) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(cancelled, 1);
  assert.strictEqual(a.locked, false);

  const b = make();
  for await (const v of b.values({ preventCancel: true })) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(cancelled, 1);
  assert.strictEqual(b.locked, false);
  assert.deepStrictEqual(await b.getReader().read(), { value: 2, done: false });

  const errored = new ReadableStream({ start(c) { c.error(new Error('bad')); } });
  await assert.rejects(async () => {
    for await (const v of errored) assert.fail(v);
  }, /bad/);
})().then(common.mustCall());
