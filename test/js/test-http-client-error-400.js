'use strict';
// A malformed request gets '400 Bad Request' and the connection closes, or
// 'clientError' handles it when someone listens.
const common = require('./common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer(common.mustNotCall());
server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port, () => {
    client.write('GET / HTTP/1.1\r\nBad Header\r\n\r\n');
  });
  let data = '';
  client.setEncoding('latin1');
  client.on('data', (d) => { data += d; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(data, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    server.on('clientError', common.mustCall((err, socket) => {
      assert.match(err.code, /^HPE_/);
      assert.ok(Buffer.isBuffer(err.rawPacket));
      socket.end('HTTP/1.1 418 Custom\r\n\r\n');
    }));
    const c2 = net.connect(server.address().port, () => c2.write('NOPE\r\n\r\n'));
    let d2 = '';
    c2.on('data', (d) => { d2 += d; });
    c2.on('close', common.mustCall(() => {
      assert.strictEqual(d2, 'HTTP/1.1 418 Custom\r\n\r\n');
      server.close();
    }));
  }));
}));
