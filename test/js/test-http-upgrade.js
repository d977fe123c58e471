'use strict';
// An Upgrade request goes to the server's 'upgrade' listener with the bytes
// after the head; the client gets 'upgrade' with the socket.
const common = require('./common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustNotCall());
server.on('upgrade', common.mustCall((req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert.strictEqual(head.toString(), 'early');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\n' +
               'Connection: Upgrade\r\n\r\nfirst');
  socket.on('data', (d) => socket.end(d));
}));

server.listen(0, common.mustCall(() => {
  const req = http.request({
    port: server.address().port,
    headers: { Connection: 'Upgrade', Upgrade: 'echo' },
  });
  req.on('upgrade', common.mustCall((res, socket, head) => {
    assert.strictEqual(res.statusCode, 101);
    let data = head.toString();
    socket.on('data', (d) => { data += d; });
    socket.on('end', common.mustCall(() => {
      assert.strictEqual(data, 'firstping');
      server.close();
    }));
    socket.write('ping');
  }));
  req.end('early');
}));
