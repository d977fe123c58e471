'use strict';
// Connections past maxConnections are closed and reported with 'drop'.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const kept = [];
const server = net.createServer(common.mustCall((sock) => {
  kept.push(sock);
  const extra = net.connect(server.address().port, '127.0.0.1');
  extra.on('error', () => {});
  extra.on('close', common.mustCall(() => {
    kept[0].destroy();
    first.destroy();
    server.close();
  }));
}));
server.maxConnections = 1;
server.on('drop', common.mustCall((data) => {
  assert.strictEqual(data.localAddress, '127.0.0.1');
  assert.strictEqual(data.localPort, server.address().port);
  assert.strictEqual(data.remoteFamily, 'IPv4');
  assert.strictEqual(typeof data.remotePort, 'number');
}));
let first;
server.listen(0, '127.0.0.1', common.mustCall(() => {
  first = net.connect(server.address().port, '127.0.0.1');
}));
