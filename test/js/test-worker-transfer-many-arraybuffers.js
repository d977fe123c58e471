'use strict';
// GC audit: a message that transfers many ArrayBuffers to a worker arrives with all of them
// intact. Past eight, the receiving binding kept the new buffers in a malloc'd array the
// collector does not scan, so a collection while making the next one freed them (wrong
// objects, wrong bytes, or a crash in the allocator).
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const count = 1000;
const size = 1 << 14;
const rounds = 10;
const w = new Worker(`
const { parentPort } = require('node:worker_threads');
let round = 0;
let bad = 0;
parentPort.on('message', (bufs) => {
  const junk = [];
  for (let k = 0; k < 20000; k++) junk.push({ k });
  if (bufs.length !== ${count}) bad++;
  for (let i = 0; i < ${count}; i++) {
    const want = (round * ${count} + i) & 0xff;
    if (!(bufs[i] instanceof ArrayBuffer) || bufs[i].byteLength !== ${size}) {
      bad++;
      continue;
    }
    const u = new Uint8Array(bufs[i]);
    if (u[0] !== want || u[${size} - 1] !== want) bad++;
  }
  round++;
  if (round === ${rounds}) parentPort.postMessage(bad);
});
`, { eval: true });
for (let round = 0; round < rounds; round++) {
  const bufs = [];
  for (let i = 0; i < count; i++) {
    const ab = new ArrayBuffer(size);
    new Uint8Array(ab).fill((round * count + i) & 0xff);
    bufs.push(ab);
  }
  w.postMessage(bufs, bufs);
  assert.strictEqual(bufs[0].byteLength, 0); // transferred
}
w.on('message', common.mustCall((bad) => {
  assert.strictEqual(bad, 0);
  w.terminate();
}));
