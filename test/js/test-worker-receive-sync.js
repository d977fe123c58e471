'use strict';
// receiveMessageOnPort reads a message from another thread synchronously.
const common = require('./common');
const assert = require('node:assert');
const { Worker, MessageChannel, receiveMessageOnPort } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { workerData } = require('node:worker_threads');
  workerData.port.postMessage({ hello: 'sync' });
`, { eval: true, workerData: { port: port2 }, transferList: [port2] });
w.on('exit', common.mustCall(() => {
  assert.deepStrictEqual(receiveMessageOnPort(port1), { message: { hello: 'sync' } });
  assert.strictEqual(receiveMessageOnPort(port1), undefined);
  port1.close();
}));
