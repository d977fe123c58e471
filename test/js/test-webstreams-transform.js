'use strict';
// pipeThrough() a TransformStream runs transform() per chunk and flush()
// at the end; terminate() closes the readable side and errors writes.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream, TransformStream } = require('node:stream/web');

(async () => {
  const log = [];
  const ts = new TransformStream({
    transform(chunk, c) {
      log.push(`t${chunk}`);
      c.enqueue(chunk * 2);
    },
    flush() { log.push('flush'); },
  });
  const out = [];
  for await (const v of ReadableStream.from([1, 2, 3]).pipeThrough(ts)) out.push(v);
  assert.deepStrictEqual(out, [2, 4, 6]);
  assert.deepStrictEqual(log, ['t1', 't2', 't3', 'flush']);

  let controller;
  const ts2 = new TransformStream({ start(c) { controller = c; } });
  controller.terminate();
  await assert.rejects(ts2.writable.getWriter().write(1), {
    code: 'ERR_INVALID_STATE', message: 'Invalid state: TransformStream has been terminated',
  });
  assert.deepStrictEqual(await ts2.readable.getReader().read(), { value: undefined, done: true });
})().then(common.mustCall());
