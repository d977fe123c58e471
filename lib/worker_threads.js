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
  get MessageChannel() { return globalThis.MessageChannel; },
  get MessagePort() { return globalThis.MessagePort; },
  get BroadcastChannel() { return globalThis.BroadcastChannel; },
  markAsUntransferable() {},
  isMarkedAsUntransferable() { return false; },
  markAsUncloneable() {},
  moveMessagePortToContext() { throw new ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext'); },
  receiveMessageOnPort() { return undefined; },
  getEnvironmentData(key) { return environmentData?.get(key); },
  setEnvironmentData(key, value) {
    environmentData ??= new Map();
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
};
