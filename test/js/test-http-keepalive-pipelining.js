'use strict';
// Pipelined requests on one kept-alive connection get their responses in
// request order, even when an earlier one answers later.
const common = require('./common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer(common.mustCall((req, res) => {
  const delay = req.url === '/1' ? 50 : 0;
  setTimeout(() => res.end('body of ' + req.url), delay);
}, 3));

server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port, () => {
    client.write('GET /1 HTTP/1.1\r\nHost: a\r\n\r\n' +
                 'GET /2 HTTP/1.1\r\nHost: a\r\n\r\n' +
                 'GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
  });
  let data = '';
  client.setEncoding('latin1');
  client.on('data', (d) => { data += d; });
  client.on('end', common.mustCall(() => {
    const bodies = data.match(/body of \/\d/g);
    assert.deepStrictEqual(bodies, ['body of /1', 'body of /2', 'body of /3']);
    assert.strictEqual(data.match(/HTTP\/1\.1 200 OK/g).length, 3);
    assert.match(data, /Connection: close\r\n/);
    server.close();
  }));
}));
