'use strict';
// structuredClone() with a stream in the transfer list moves the stream: the
// original is locked and the copy delivers (cloned) chunks; a locked stream
// cannot be transferred.
const common = require('./common');
const assert = require('node:assert');

(async () => {
  const original = { a: 1 };
  const rs = new ReadableStream({
    start(c) {
      c.enqueue(original);
      c.close();
    },
  });
  const moved = structuredClone(rs, { transfer: [rs] });
  assert.strictEqual(rs.locked, true);
  assert.ok(moved instanceof ReadableStream);
  const chunks = [];
  for await (const chunk of moved) chunks.push(chunk);
  assert.deepStrictEqual(chunks, [{ a: 1 }]);
  assert.notStrictEqual(chunks[0], original);

  const written = [];
  const sinkClosed = new Promise((resolve) => {
    const ws = new WritableStream({
      write(chunk) { written.push(chunk); },
      close: resolve,
    });
    const movedWs = structuredClone(ws, { transfer: [ws] });
    assert.strictEqual(ws.locked, true);
    const writer = movedWs.getWriter();
    writer.write('hi');
    writer.close();
  });
  // node's transferred streams talk over unref'd ports: keep the loop alive.
  const keepAlive = setInterval(() => {}, 1000);
  await sinkClosed;
  clearInterval(keepAlive);
  assert.deepStrictEqual(written, ['hi']);

  const locked = new ReadableStream();
  locked.getReader();
  assert.throws(() => structuredClone(locked, { transfer: [locked] }), {
    name: 'DataCloneError',
    message: 'Cannot transfer a locked ReadableStream',
  });
})().then(common.mustCall());
