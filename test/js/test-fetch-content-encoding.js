'use strict';
// fetch: gzip, deflate and br response bodies are decoded, and a HEAD or 204
// response has a null body.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');
const zlib = require('node:zlib');

const text = 'compressed body '.repeat(1000);
const encoders = {
  gzip: zlib.gzipSync,
  deflate: zlib.deflateSync,
  br: zlib.brotliCompressSync,
};
const server = http.createServer((req, res) => {
  const coding = req.url.slice(1);
  if (coding === 'empty') {
    res.writeHead(204);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-encoding': coding });
  res.end(req.method === 'HEAD' ? undefined : encoders[coding](text));
});

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const coding of Object.keys(encoders)) {
    const r = await fetch(`${base}/${coding}`);
    assert.strictEqual(r.headers.get('content-encoding'), coding);
    assert.strictEqual(await r.text(), text, coding);
  }
  const head = await fetch(`${base}/gzip`, { method: 'HEAD' });
  assert.strictEqual(head.body, null);
  assert.strictEqual(await head.text(), '');
  const empty = await fetch(`${base}/empty`);
  assert.strictEqual(empty.status, 204);
  assert.strictEqual(empty.body, null);
  server.close();
}));
