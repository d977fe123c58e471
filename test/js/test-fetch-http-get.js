'use strict';
// fetch: a GET against a local server sends undici's default headers and
// resolves with a Response whose status, headers, url and body match.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.method, 'GET');
  assert.strictEqual(req.url, '/path?x=1');
  assert.strictEqual(req.headers.accept, '*/*');
  assert.strictEqual(req.headers['accept-language'], '*');
  assert.strictEqual(req.headers['sec-fetch-mode'], 'cors');
  assert.strictEqual(req.headers['user-agent'], 'node');
  assert.strictEqual(req.headers['accept-encoding'], 'gzip, deflate');
  assert.strictEqual(req.headers['x-custom'], 'yes');
  assert.strictEqual(req.headers.connection, 'keep-alive');
  res.writeHead(202, 'Fine', [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['X-Out', 'o']]);
  res.end('Hello world');
}));

server.listen(0, common.mustCall(async () => {
  const url = `http://127.0.0.1:${server.address().port}/path?x=1#frag`;
  const response = await fetch(url, { headers: { 'X-Custom': 'yes' } });
  assert.ok(response instanceof Response);
  assert.strictEqual(response.status, 202);
  assert.strictEqual(response.statusText, 'Fine');
  assert.strictEqual(response.ok, true);
  assert.strictEqual(response.type, 'basic');
  assert.strictEqual(response.redirected, false);
  assert.strictEqual(response.url, url.slice(0, -5));
  assert.strictEqual(response.headers.get('x-out'), 'o');
  assert.deepStrictEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
  assert.throws(() => response.headers.set('a', 'b'), { message: 'immutable' });
  assert.strictEqual(await response.text(), 'Hello world');
  server.close();
}));
