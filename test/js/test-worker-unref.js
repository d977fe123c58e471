'use strict';
// An unref'd worker does not keep the main thread alive.
const common = require('./common');
const { Worker } = require('node:worker_threads');

const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
w.unref();
w.on('exit', common.mustNotCall());
