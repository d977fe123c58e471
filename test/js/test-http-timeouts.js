'use strict';
// A server with headersTimeout answers a request whose headers stall with
// 408; a client request's setTimeout fires 'timeout' on a slow server.
const common = require('./common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer({
  headersTimeout: 100, requestTimeout: 200, connectionsCheckingInterval: 20,
}, common.mustCall((req, res) => {
  // The slow request for the client timeout below.
  setTimeout(() => res.end(), 500);
}));

server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  const client = net.connect(port, () => client.write('GET / HTTP/1.1\r\nHost: a\r\n'));
  let data = '';
  client.setEncoding('latin1');
  client.on('data', (d) => { data += d; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(data, 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    const req = http.get({ port, agent: false });
    req.setTimeout(50, common.mustCall(() => {
      req.destroy();
      server.close();
    }));
    req.on('error', common.mustCall((err) => assert.strictEqual(err.code, 'ECONNRESET')));
  }));
}));
