'use strict';
// Issue 7: dgram sockets in workers are bound by the primary and shared: two
// workers binding port 0 get the same port, and a datagram reaches one.
const common = require('./common');
const assert = require('node:assert');
const cluster = require('node:cluster');
const dgram = require('node:dgram');

if (cluster.isPrimary) {
  const ports = [];
  cluster.on('message', common.mustCall((worker, msg) => {
    if (msg.port !== undefined) {
      ports.push(msg.port);
      if (ports.length !== 2) return;
      assert.strictEqual(ports[0], ports[1]);
      const client = dgram.createSocket('udp4');
      client.send('hi', ports[0], '127.0.0.1', common.mustSucceed(() => client.close()));
    } else {
      assert.strictEqual(msg.got, 'hi');
      cluster.disconnect(common.mustCall());
    }
  }, 3));
  cluster.fork();
  cluster.fork();
} else {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (data) => process.send({ got: String(data) }));
  socket.bind(0, '127.0.0.1', () => process.send({ port: socket.address().port }));
}
