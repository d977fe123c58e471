'use strict';
// Expect: 100-continue: 'checkContinue' decides; the client sees 'continue'
// and then sends its body. Other expectations get 417 by default.
const common = require('./common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustCall((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end('got ' + body));
}));
server.on('checkContinue', common.mustCall((req, res) => {
  assert.strictEqual(req.headers.expect, '100-continue');
  res.writeContinue();
  server.emit('request', req, res);
}));

server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  const req = http.request({
    port, method: 'POST', headers: { Expect: '100-continue' },
  }, common.mustCall((res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'got payload');
      http.get({ port, headers: { Expect: 'something-else' } }, common.mustCall((res2) => {
        assert.strictEqual(res2.statusCode, 417);
        res2.resume();
        res2.on('end', () => server.close());
      }));
    }));
  }));
  req.on('continue', common.mustCall(() => req.end('payload')));
}));
