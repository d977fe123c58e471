'use strict';
// Issue 7: the cluster's own NODE_* messages never reach user 'message'
// listeners; user messages flow both ways (worker.send / process.send).
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');

if (cluster.isPrimary) {
  const worker = cluster.fork();
  const seen = [];
  cluster.on('message', common.mustCall((w, msg) => {
    assert.strictEqual(w, worker);
    seen.push(msg);
  }, 2));
  worker.on('online', common.mustCall(() => worker.send({ ping: 1 })));
  worker.on('message', common.mustCall((msg) => {
    if (msg.pong) worker.disconnect();
  }, 2));
  worker.on('exit', common.mustCall(() => {
    assert.deepStrictEqual(seen, [{ hello: true }, { pong: 1 }]);
  }));
} else {
  process.on('message', common.mustCall((msg) => {
    assert.deepStrictEqual(msg, { ping: 1 });
    process.send({ pong: 1 });
  }));
  process.send({ hello: true });
}
