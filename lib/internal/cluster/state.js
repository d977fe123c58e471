'use strict';
// Whether this process is a cluster worker, for node:net and node:dgram to
// decide cheaply (without loading node:cluster) where a listen goes.

module.exports = { isWorker: false };
