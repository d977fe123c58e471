'use strict';
// Issue 7: buffers a worker transfers outlive the worker: one posted right
// before process.exit() and one the parent already holds when the worker
// ends keep their bytes; one sent to a worker that is terminated before it
// reads its messages is dropped without harm.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const w = new Worker(`
  const { parentPort } = require('node:worker_threads');
  const first = new Uint8Array(1 << 20).fill(7);
  parentPort.postMessage(first, [first.buffer]);
  parentPort.once('message', () => {
    const last = new Uint8Array(1 << 20).fill(9);
    parentPort.postMessage(last, [last.buffer]);
    process.exit(0);
  });
`, { eval: true });

const got = [];
w.on('message', common.mustCall((u8) => {
  got.push(u8);
  if (got.length === 1) w.postMessage('go');
}, 2));
w.on('exit', common.mustCall(() => {
  assert.strictEqual(got.length, 2);
  assert.strictEqual(got[0].length, 1 << 20);
  assert.ok(got[0].every((b) => b === 7));
  assert.strictEqual(got[1].length, 1 << 20);
  assert.ok(got[1].every((b) => b === 9));

  const busy = new Worker('for (;;);', { eval: true });
  busy.on('online', common.mustCall(() => {
    const ab = new ArrayBuffer(1 << 20);
    busy.postMessage(ab, [ab]);
    assert.strictEqual(ab.byteLength, 0);
    busy.terminate();
  }));
}));
