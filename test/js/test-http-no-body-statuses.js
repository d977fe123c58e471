'use strict';
// Responses to HEAD, and 204 and 304 responses, carry no body and keep the
// connection usable for the next request.
const common = require('./common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/204') res.writeHead(204);
  else if (req.url === '/304') res.writeHead(304);
  res.end(req.method === 'HEAD' || req.url !== '/' ? undefined : 'full body');
});

server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port, () => {
    client.write('HEAD / HTTP/1.1\r\nHost: a\r\n\r\n' +
                 'GET /204 HTTP/1.1\r\nHost: a\r\n\r\n' +
                 'GET /304 HTTP/1.1\r\nHost: a\r\n\r\n' +
                 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
  });
  let data = '';
  client.setEncoding('latin1');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => {
    const parts = data.split(/(?=HTTP\/1\.1 )/);
    assert.strictEqual(parts.length, 4);
    assert.match(parts[0], /^HTTP\/1\.1 200 OK\r\n/);
    assert.ok(parts[0].endsWith('\r\n\r\n'));
    assert.match(parts[1], /^HTTP\/1\.1 204 No Content\r\n/);
    assert.doesNotMatch(parts[1], /Content-Length|Transfer-Encoding/);
    assert.match(parts[2], /^HTTP\/1\.1 304 Not Modified\r\n/);
    assert.doesNotMatch(parts[2], /Transfer-Encoding/);
    assert.ok(parts[3].endsWith('\r\n\r\nfull body'));
    server.close();
  }));
}));

// The client side: a HEAD response ends without waiting for a body.
const server2 = http.createServer((req, res) => {
  res.setHeader('Content-Length', '100');
  res.end();
});
server2.listen(0, common.mustCall(() => {
  http.request({ port: server2.address().port, method: 'HEAD' }, common.mustCall((res) => {
    assert.strictEqual(res.headers['content-length'], '100');
    res.on('data', common.mustNotCall());
    res.on('end', common.mustCall(() => server2.close()));
  })).end();
}));
