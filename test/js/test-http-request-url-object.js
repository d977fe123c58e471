'use strict';
// http.request takes a URL object (or string) with options merged over it.
const common = require('./common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.url, '/path?q=1');
  assert.strictEqual(req.method, 'POST');
  assert.strictEqual(req.headers.authorization, 'Basic dXNlcjpwdw==');
  assert.strictEqual(req.headers['x-extra'], 'yes');
  res.end();
}, 2));

server.listen(0, common.mustCall(() => {
  const url = new URL(`http://user:pw@localhost:${server.address().port}/path?q=1`);
  let pending = 2;
  const done = (res) => {
    assert.strictEqual(res.statusCode, 200);
    res.resume();
    if (--pending === 0) server.close();
  };
  http.request(url, { method: 'POST', headers: { 'x-extra': 'yes' } }, common.mustCall(done))
    .end();
  http.request(url.href, { method: 'POST', headers: { 'x-extra': 'yes' } },
               common.mustCall(done)).end();
  assert.throws(() => http.request(new URL('https://localhost/')), {
    code: 'ERR_INVALID_PROTOCOL',
    message: 'Protocol "https:" not supported. Expected "http:"',
  });
}));
