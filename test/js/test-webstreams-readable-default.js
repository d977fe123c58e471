'use strict';
// A default ReadableStream calls pull() while the queue is below the high
// water mark and hands chunks to the reader in order, then closes.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

const log = [];
let n = 0;
const stream = new ReadableStream({
  start(c) {
    log.push('start');
    c.enqueue('a');
  },
  pull(c) {
    log.push(`pull ${c.desiredSize}`);
    c.enqueue(String(n++));
    if (n === 2) c.close();
  },
}, { highWaterMark: 2 });

(async () => {
  const reader = stream.getReader();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await reader.closed;
  assert.deepStrictEqual(chunks, ['a', '0', '1']);
  assert.deepStrictEqual(log, ['start', 'pull 2', 'pull 2']);
  assert.strictEqual(stream.locked, true);
  reader.releaseLock();
  assert.strictEqual(stream.locked, false);
})().then(common.mustCall());
