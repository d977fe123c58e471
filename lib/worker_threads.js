'use strict';
// node:worker_threads. Worker runs a script on a thread of its own (its own
// loop and engine instance); see lib/internal/worker/worker.js for the
// parent's side and lib/internal/worker/thread.js for the worker's.

const thread = require('internal/worker/thread');
const { Worker, SHARE_ENV } = require('internal/worker/worker');

const state = thread.workerState();

module.exports = {
  isMainThread: state === null,
  parentPort: state === null ? null : state.parentPort,
  threadId: state === null ? 0 : state.threadId,
  workerData: state === null ? null : state.workerData,
  resourceLimits: state === null ? {} : state.resourceLimits,
  SHARE_ENV,
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
  getEnvironmentData: thread.getEnvironmentData,
  setEnvironmentData: thread.setEnvironmentData,
};
