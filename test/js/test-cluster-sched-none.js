'use strict';
// Issue 7: NODE_CLUSTER_SCHED_POLICY=none sends the listening handle itself to
// the workers, which accept on it.
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

if (cluster.isPrimary) {
  if (process.env.NODE_CLUSTER_SCHED_POLICY !== 'none') {
    const { fork } = require('node:child_process');
    fork(__filename, [], {
      env: { ...process.env, NODE_CLUSTER_SCHED_POLICY: 'none' },
    }).on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
    return;
  }
  assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_NONE);
  cluster.fork().on('listening', common.mustCall((address) => {
    net.connect(address.port, '127.0.0.1', common.mustCall(function() {
      this.setEncoding('utf8');
      this.on('data', common.mustCall((data) => {
        assert.strictEqual(data, 'from worker');
        cluster.disconnect(common.mustCall());
      }));
    }));
  }));
} else {
  net.createServer((socket) => socket.end('from worker')).listen(0, '127.0.0.1');
}
