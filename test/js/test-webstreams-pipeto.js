'use strict';
// pipeTo() moves every chunk and closes the destination; an error on
// either side aborts or cancels the other.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream, WritableStream } = require('node:stream/web');

(async () => {
  const written = [];
  const rs = new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
      c.close();
    },
  });
  let closed = false;
  const ws = new WritableStream({
    write(chunk) { written.push(chunk); },
    close() { closed = true; },
  });
  await rs.pipeTo(ws);
  assert.deepStrictEqual(written, [1, 2]);
  assert.strictEqual(closed, true);
  assert.strictEqual(rs.locked, false);
  assert.strictEqual(ws.locked, false);

  const boom = new Error('boom');
  let aborted;
  const failing = new ReadableStream({ start(c) { c.error(boom); } });
  await assert.rejects(failing.pipeTo(new WritableStream({ abort(r) { aborted = r; } })), boom);
  assert.strictEqual(aborted, boom);

  let cancelled;
  const dest = new WritableStream({ start(c) { c.error(boom); } });
  await assert.rejects(new ReadableStream({ cancel(r) { cancelled = r; } }).pipeTo(dest), boom);
  assert.strictEqual(cancelled, boom);

  // preventClose leaves the destination open.
  const open = new WritableStream();
  await ReadableStream.from([1]).pipeTo(open, { preventClose: true });
  const writer = open.getWriter();
  await writer.write(2);
})().then(common.mustCall());
