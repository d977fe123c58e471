'use strict';
// A chunked request with trailers reaches the server whole; the chunked
// response's trailers reach the client.
const common = require('./common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.headers['transfer-encoding'], 'chunked');
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', common.mustCall(() => {
    assert.strictEqual(body, 'abcdef');
    assert.deepStrictEqual(req.trailers, { 'x-req-trailer': 'yes' });
    assert.deepStrictEqual(req.rawTrailers, ['X-Req-Trailer', 'yes']);
    res.setHeader('Trailer', 'X-Res-Trailer');
    res.write('hello ');
    res.addTrailers({ 'X-Res-Trailer': 'done' });
    res.end('world');
  }));
}));

server.listen(0, common.mustCall(() => {
  const req = http.request({
    port: server.address().port,
    method: 'POST',
    headers: { Trailer: 'X-Req-Trailer' },
  }, common.mustCall((res) => {
    assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'hello world');
      assert.strictEqual(res.trailers['x-res-trailer'], 'done');
      server.close();
    }));
  }));
  req.write('abc');
  req.addTrailers({ 'X-Req-Trailer': 'yes' });
  req.end('def');
}));
