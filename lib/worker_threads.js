'use strict';
// node:worker_threads — the main thread's view. Workers themselves arrive with
// the concurrency issue; constructing one throws until then.

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

class Worker {
  constructor() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('Worker (worker_threads)');
  }
}

let environmentData;
module.exports = {
  isMainThread: true,
  parentPort: null,
  threadId: 0,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  get MessageChannel() { return require('internal/worker/io').MessageChannel; },
  get MessagePort() { return require('internal/worker/io').MessagePort; },
  get BroadcastChannel() { return require('internal/worker/io').BroadcastChannel; },
  markAsUntransferable(obj) { require('internal/buffer').markAsUntransferable(obj); },
  isMarkedAsUntransferable(obj) { return require('internal/buffer').isMarkedAsUntransferable(obj); },
  markAsUncloneable() {},
  moveMessagePortToContext(port, context) {
    return require('internal/worker/io').moveMessagePortToContext(port, context);
  },
  receiveMessageOnPort(port) { return require('internal/worker/io').receiveMessageOnPort(port); },
  getEnvironmentData(key) { return environmentData?.get(key); },
  setEnvironmentData(key, value) {
    environmentData ??= new Map();
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
};
