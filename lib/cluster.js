'use strict';
// node:cluster — the primary's view; forking workers arrives with the
// concurrency issue.

const EventEmitter = require('events');
const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = class Worker extends EventEmitter {};
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary = function setupPrimary(settings) {
  cluster.settings = { ...cluster.settings, ...settings };
};
cluster.setupMaster = cluster.setupPrimary;
cluster.fork = function fork() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('cluster.fork');
};
cluster.disconnect = function disconnect(cb) {
  if (typeof cb === 'function') process.nextTick(cb);
};

module.exports = cluster;
