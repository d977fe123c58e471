'use strict';
// Header values and urls that come back again and again on one connection, more distinct ones
// than any cache would hold, in an order that revisits old ones: each request sees exactly
// the bytes it sent (latin1 bytes included), at lengths around 64.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');
const net = require('node:net');

const values = [];
for (let i = 0; i < 24; i++) values.push(`v${i}-` + 'x'.repeat(i * 3));
values.push('y'.repeat(63), 'y'.repeat(64), 'y'.repeat(65), 'z'.repeat(64), 'caf\xe9', 'caf\xe8');
const order = [];
for (let round = 0; round < 4; round++) {
  for (let i = 0; i < values.length; i++) order.push((i * 7 + round * 5) % values.length);
}

const seen = [];
const server = http.createServer((req, res) => {
  seen.push([req.headers['x-v'], req.headers.host, req.url]);
  res.end();
});
server.listen(0, common.mustCall(() => {
  const sock = net.connect(server.address().port);
  let raw = '';
  for (const k of order) {
    raw += `GET /p/${values[k].length}/${k} HTTP/1.1\r\nHost: h${k % 3}\r\nX-V: ${values[k]}\r\n\r\n`;
  }
  sock.end(Buffer.from(raw, 'latin1'));
  sock.resume();
  sock.on('close', common.mustCall(() => {
    assert.strictEqual(seen.length, order.length);
    order.forEach((k, i) => {
      assert.deepStrictEqual(seen[i], [values[k], `h${k % 3}`, `/p/${values[k].length}/${k}`]);
    });
    server.close();
  }));
}));
