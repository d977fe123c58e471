'use strict';
// With allowHalfOpen the server can still write after the client's FIN; the
// client sees the reply, then 'end'; a default socket ends its side itself.
const common = require('./common');
const assert = require('assert');
const net = require('net');

const server = net.createServer({ allowHalfOpen: true }, common.mustCall((sock) => {
  assert.strictEqual(sock.allowHalfOpen, true);
  sock.resume();
  sock.on('end', common.mustCall(() => {
    assert.strictEqual(sock.writable, true);
    sock.end('late reply');
  }));
}));
server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port, common.mustCall(() => {
    assert.strictEqual(client.allowHalfOpen, false);
    client.end();
  }));
  let data = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => assert.strictEqual(data, 'late reply')));
  client.on('close', common.mustCall(() => server.close()));
}));
