'use strict';
// A client writes to a TCP server that echoes and ends; events arrive in
// node's order and byte counters match what was sent.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const events = [];
const server = net.createServer(common.mustCall((sock) => {
  assert.strictEqual(sock.remoteAddress, '127.0.0.1');
  assert.strictEqual(sock.remoteFamily, 'IPv4');
  sock.pipe(sock);
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port, family, address } = server.address();
  assert.strictEqual(family, 'IPv4');
  assert.strictEqual(address, '127.0.0.1');
  const client = net.connect(port, '127.0.0.1', common.mustCall(() => {
    events.push('connect-cb');
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.readyState, 'open');
    client.end('ping');
  }));
  assert.strictEqual(client.connecting, true);
  assert.strictEqual(client.pending, true);
  assert.strictEqual(client.readyState, 'opening');
  client.on('connect', () => events.push('connect'));
  client.on('ready', () => events.push('ready'));
  client.setEncoding('utf8');
  let data = '';
  client.on('data', (d) => { data += d; });
  client.on('end', () => events.push('end'));
  client.on('close', common.mustCall((hadError) => {
    events.push('close');
    assert.strictEqual(hadError, false);
    assert.strictEqual(data, 'ping');
    assert.strictEqual(client.bytesRead, 4);
    assert.strictEqual(client.bytesWritten, 4);
    assert.deepStrictEqual(events, ['connect-cb', 'connect', 'ready', 'end', 'close']);
    server.close(common.mustCall());
  }));
}));
