'use strict';
// Issue 7: with SCHED_RR the primary hands connections to every worker.
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

if (cluster.isPrimary) {
  const workers = 2;
  let listening = 0;
  cluster.on('listening', common.mustCall((w, address) => {
    if (++listening !== workers) return;
    const seen = new Set();
    let done = 0;
    for (let i = 0; i < 8; i++) {
      net.connect(address.port, '127.0.0.1', function() {
        let data = '';
        this.setEncoding('utf8');
        this.on('data', (c) => { data += c; });
        this.on('end', () => {
          seen.add(data);
          if (++done === 8) {
            assert.strictEqual(seen.size, workers);
            cluster.disconnect(common.mustCall());
          }
        });
      });
    }
  }, workers));
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  net.createServer((socket) => socket.end(`worker ${cluster.worker.id}`))
    .listen(0, '127.0.0.1');
}
