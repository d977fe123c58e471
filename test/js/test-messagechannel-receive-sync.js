'use strict';
// receiveMessageOnPort() takes queued messages synchronously, in order.
require('./common');
const assert = require('node:assert');
const { MessageChannel, receiveMessageOnPort } = require('node:worker_threads');

const { port1, port2 } = new MessageChannel();
assert.strictEqual(receiveMessageOnPort(port2), undefined);
port1.postMessage({ n: 1 });
port1.postMessage({ n: 2 });
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: { n: 1 } });
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: { n: 2 } });
assert.strictEqual(receiveMessageOnPort(port2), undefined);
port1.close();
assert.throws(() => receiveMessageOnPort({}), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "port" argument must be a MessagePort instance',
});
