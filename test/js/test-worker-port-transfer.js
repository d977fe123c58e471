'use strict';
// A MessagePort sent to a worker in the transfer list keeps talking to its
// peer on the main thread.
const common = require('./common');
const assert = require('node:assert');
const { Worker, MessageChannel } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', ({ port }) => {
    port.on('message', (m) => {
      port.postMessage(m * 2);
      port.close();
    });
  });
`, { eval: true });
w.postMessage({ port: port2 }, [port2]);
port1.on('message', common.mustCall((m) => {
  assert.strictEqual(m, 42);
}));
port1.on('close', common.mustCall());
port1.postMessage(21);
