'use strict';
// fetch: request bodies - a string with its Content-Type and Content-Length,
// bytes, URLSearchParams, FormData, and a ReadableStream sent chunked with
// duplex 'half'.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

const server = http.createServer(common.mustCall((req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
  });
}, 5));

server.listen(0, common.mustCall(async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  let r = await (await fetch(url, { method: 'POST', body: 'abc' })).json();
  assert.strictEqual(r.method, 'POST');
  assert.strictEqual(r.body, 'abc');
  assert.strictEqual(r.headers['content-type'], 'text/plain;charset=UTF-8');
  assert.strictEqual(r.headers['content-length'], '3');

  r = await (await fetch(url, { method: 'PUT', body: new Uint8Array([0xff, 0x41]) })).json();
  assert.strictEqual(r.body, '\xffA');
  assert.strictEqual(r.headers['content-type'], undefined);
  assert.strictEqual(r.headers['content-length'], '2');

  r = await (await fetch(url, { method: 'POST', body: new URLSearchParams({ a: 'b c' }) })).json();
  assert.strictEqual(r.body, 'a=b+c');
  assert.strictEqual(r.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8');

  const form = new FormData();
  form.append('k', 'v');
  r = await (await fetch(url, { method: 'POST', body: form })).json();
  assert.match(r.headers['content-type'], /^multipart\/form-data; boundary=/);
  assert.match(r.body, /Content-Disposition: form-data; name="k"\r\n\r\nv\r\n/);

  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('chunk1,'));
      c.enqueue(new TextEncoder().encode('chunk2'));
      c.close();
    },
  });
  r = await (await fetch(url, { method: 'POST', body: stream, duplex: 'half' })).json();
  assert.strictEqual(r.body, 'chunk1,chunk2');
  assert.strictEqual(r.headers['transfer-encoding'], 'chunked');
  server.close();
}));
