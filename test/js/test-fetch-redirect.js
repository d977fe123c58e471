'use strict';
// fetch: redirects are followed (POST becomes GET on 302/303 and loses its
// body headers), refused with redirect 'error', returned as-is with 'manual',
// and more than 20 fail with 'redirect count exceeded'.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

const server = http.createServer((req, res) => {
  if (req.url === '/target') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.end(JSON.stringify([req.method, body, req.headers['content-type'] ?? null]));
    });
    return;
  }
  if (req.url === '/302') {
    res.writeHead(302, { location: '/target' });
    res.end('moved');
    return;
  }
  if (req.url === '/307') {
    res.writeHead(307, { location: '/target' });
    res.end();
    return;
  }
  const n = Number(req.url.slice(1));
  if (n === 21) {
    res.end('end');
    return;
  }
  res.writeHead(301, { location: `/${n + 1}` });
  res.end();
});

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(`${base}/302`);
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.redirected, true);
  assert.strictEqual(r.url, `${base}/target`);
  assert.deepStrictEqual(await r.json(), ['GET', '', null]);

  r = await fetch(`${base}/302`, { method: 'POST', body: 'data' });
  assert.deepStrictEqual(await r.json(), ['GET', '', null]);

  r = await fetch(`${base}/307`, { method: 'POST', body: 'data' });
  assert.deepStrictEqual(await r.json(), ['POST', 'data', 'text/plain;charset=UTF-8']);

  r = await fetch(`${base}/302`, { redirect: 'manual' });
  assert.strictEqual(r.status, 302);
  assert.strictEqual(r.redirected, false);
  assert.strictEqual(r.headers.get('location'), '/target');
  assert.strictEqual(await r.text(), 'moved');

  await assert.rejects(fetch(`${base}/302`, { redirect: 'error' }), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.message, 'fetch failed');
    assert.strictEqual(err.cause.message, 'unexpected redirect');
    return true;
  });
  await assert.rejects(fetch(`${base}/0`), (err) => {
    assert.strictEqual(err.message, 'fetch failed');
    assert.strictEqual(err.cause.message, 'redirect count exceeded');
    return true;
  });
  r = await fetch(`${base}/1`);
  assert.strictEqual(r.url, `${base}/21`);
  await r.arrayBuffer();
  server.close();
}));
