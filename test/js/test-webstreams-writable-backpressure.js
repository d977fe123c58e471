'use strict';
// A WritableStream writes one chunk at a time, reports backpressure through
// desiredSize and ready, and closes after the queued writes.
const common = require('./common');
const assert = require('node:assert');
const { WritableStream } = require('node:stream/web');

const log = [];
const ws = new WritableStream({
  write(chunk) {
    log.push(`write ${chunk}`);
    return new Promise((resolve) => setTimeout(resolve, 1));
  },
  close() {
    log.push('close');
  },
}, { highWaterMark: 2 });

(async () => {
  const writer = ws.getWriter();
  assert.strictEqual(writer.desiredSize, 2);
  const w1 = writer.write(1);
  writer.write(2);
  writer.write(3);
  assert.strictEqual(writer.desiredSize, -1);
  await w1;
  log.push('w1');
  await writer.ready;
  log.push('ready');
  await writer.close();
  assert.deepStrictEqual(log, ['write 1', 'write 2', 'w1', 'write 3', 'ready', 'close']);
  assert.strictEqual(writer.desiredSize, 0);
})().then(common.mustCall());
