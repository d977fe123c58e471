'use strict';
// A port that stopped listening still closes when its peer in another thread
// closes (it was never closed before, and kept its handles open).
const common = require('./common');
const assert = require('node:assert');
const { once } = require('node:events');
const { Worker, MessageChannel } = require('node:worker_threads');

const w = new Worker(`
  require('node:worker_threads').parentPort.once('message', ({ port }) => {
    port.postMessage('first');
    port.postMessage('second');
    port.close();
  });
`, { eval: true });
const { port1, port2 } = new MessageChannel();
w.postMessage({ port: port2 }, [port2]);
(async () => {
  assert.deepStrictEqual(await once(port1, 'message'), ['first']);
  assert.deepStrictEqual(await once(port1, 'message'), ['second']);
  const keepAlive = setTimeout(() => {}, 10000);
  await once(port1, 'close');
  clearTimeout(keepAlive);
  await w.terminate();
})().then(common.mustCall());
