'use strict';
// Transferring a 100 MB ArrayBuffer to a worker: the time of the
// postMessage(ab, [ab]) call (a move, so it should not depend on the size),
// and the round trip until the worker has the buffer and answered.
const { Worker } = require('worker_threads');
const now = () => Number(process.hrtime.bigint()) / 1e6;

const SIZE = 100 * 1000 * 1000;
const ROUNDS = 5;

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (ab) => {
    const u8 = new Uint8Array(ab);
    parentPort.postMessage(ab.byteLength + u8[0] + u8[u8.length - 1]);
  });
`, { eval: true });

let round = 0;
let best = Infinity;
let bestTrip = Infinity;
let start = 0;

function send() {
  const ab = new ArrayBuffer(SIZE);
  const u8 = new Uint8Array(ab);
  u8[0] = 1;
  u8[SIZE - 1] = 2;
  start = now();
  worker.postMessage(ab, [ab]);
  const t = now() - start;
  if (ab.byteLength !== 0) throw new Error('the buffer was not detached');
  if (t < best) best = t;
}

worker.on('message', (n) => {
  if (n !== SIZE + 3) throw new Error(`bad answer ${n}`);
  const trip = now() - start;
  if (trip < bestTrip) bestTrip = trip;
  if (++round < ROUNDS) {
    send();
    return;
  }
  console.log(`postMessage of 100 MB: best ${best.toFixed(3)} ms, round trip ${bestTrip.toFixed(3)} ms`);
  console.log(`RESULT worker_transfer_100mb ${best.toFixed(3)}`);
  worker.terminate();
});
worker.on('online', send);
