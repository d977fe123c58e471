'use strict';
// Issue 7: cluster.fork() runs this file as a worker; the primary sees fork,
// online, listening, disconnect and exit in order, and the worker's state.
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

if (cluster.isPrimary) {
  assert.strictEqual(cluster.isWorker, false);
  assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
  const events = [];
  cluster.on('setup', common.mustCall((settings) => {
    assert.strictEqual(settings.exec, __filename);
  }));
  cluster.on('fork', common.mustCall((w) => events.push('fork')));
  cluster.on('online', common.mustCall((w) => events.push('online')));
  cluster.on('listening', common.mustCall((w, address) => {
    events.push('listening');
    assert.strictEqual(address.addressType, 4);
    assert.strictEqual(address.address, '127.0.0.1');
    assert.ok(address.port > 0);
    assert.strictEqual(w.state, 'listening');
  }));
  cluster.on('disconnect', common.mustCall(() => events.push('disconnect')));
  cluster.on('exit', common.mustCall((w, code, signal) => {
    events.push('exit');
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    assert.strictEqual(w.exitedAfterDisconnect, true);
    assert.strictEqual(w.state, 'dead');
    assert.strictEqual(w.isDead(), true);
    assert.deepStrictEqual(events, ['fork', 'online', 'listening', 'disconnect', 'exit']);
  }));
  const worker = cluster.fork({ CAIRN_TEST_VAR: 'x' });
  assert.strictEqual(worker.id, 1);
  assert.strictEqual(cluster.workers[1], worker);
  worker.on('message', common.mustCall((msg) => {
    assert.deepStrictEqual(msg, { id: 1, env: 'x', hidden: true });
    worker.disconnect();
  }));
  worker.on('exit', common.mustCall(() => {
    assert.strictEqual(cluster.workers[1], undefined);
  }));
} else {
  assert.strictEqual(cluster.isWorker, true);
  assert.strictEqual(cluster.isPrimary, false);
  net.createServer().listen(0, '127.0.0.1', () => {
    process.send({
      id: cluster.worker.id,
      env: process.env.CAIRN_TEST_VAR,
      hidden: process.env.NODE_UNIQUE_ID === undefined,
    });
  });
}
