'use strict';
// Header names must be tokens and values must not hold control characters;
// headers cannot change once sent.
const common = require('./common');
const assert = require('assert');
const http = require('http');

assert.throws(() => http.validateHeaderName('bad name'), {
  code: 'ERR_INVALID_HTTP_TOKEN',
  name: 'TypeError',
  message: 'Header name must be a valid HTTP token ["bad name"]',
});
assert.throws(() => http.validateHeaderValue('x-a', undefined), {
  code: 'ERR_HTTP_INVALID_HEADER_VALUE',
  message: 'Invalid value "undefined" for header "x-a"',
});
assert.throws(() => http.validateHeaderValue('x-a', 'a\r\nb'), {
  code: 'ERR_INVALID_CHAR',
  message: 'Invalid character in header content ["x-a"]',
});
http.validateHeaderValue('x-a', 'caf\u00e9');

const server = http.createServer(common.mustCall((req, res) => {
  assert.throws(() => res.setHeader('x y', '1'), { code: 'ERR_INVALID_HTTP_TOKEN' });
  assert.throws(() => res.writeHead(1000), { code: 'ERR_HTTP_INVALID_STATUS_CODE' });
  res.setHeader('X-Multi', ['a', 'b']);
  res.appendHeader('X-Multi', 'c');
  assert.deepStrictEqual(res.getHeader('x-multi'), ['a', 'b', 'c']);
  assert.deepStrictEqual(res.getHeaderNames(), ['x-multi']);
  assert.strictEqual(res.hasHeader('X-MULTI'), true);
  res.end('ok');
  assert.strictEqual(res.headersSent, true);
  assert.throws(() => res.setHeader('x-late', '1'), {
    code: 'ERR_HTTP_HEADERS_SENT',
    message: 'Cannot set headers after they are sent to the client',
  });
}));
server.listen(0, common.mustCall(() => {
  http.get({ port: server.address().port }, common.mustCall((res) => {
    assert.strictEqual(res.headers['x-multi'], 'a, b, c');
    assert.deepStrictEqual(res.headersDistinct['x-multi'], ['a', 'b', 'c']);
    res.resume();
    res.on('end', () => server.close());
  }));
}));
