'use strict';
// node:http2 loads (fastify requires it eagerly even for HTTP/1 servers) and its constants,
// sensitiveHeaders and getDefaultSettings() are node's.
require('./common');
const assert = require('node:assert');
const http2 = require('node:http2');

assert.strictEqual(require('http2'), http2);
const c = http2.constants;
assert.strictEqual(Object.keys(c).length, 240);
assert.strictEqual(c.HTTP2_HEADER_STATUS, ':status');
assert.strictEqual(c.HTTP2_HEADER_CONTENT_TYPE, 'content-type');
assert.strictEqual(c.HTTP2_HEADER_HTTP2_SETTINGS, 'http2-settings');
assert.strictEqual(c.HTTP2_METHOD_BASELINE_CONTROL, 'BASELINE-CONTROL');
assert.strictEqual(c.HTTP_STATUS_TEAPOT, 418);
assert.strictEqual(c.NGHTTP2_ERR_FRAME_SIZE_ERROR, -522);
assert.strictEqual(c.NGHTTP2_CANCEL, 8);
assert.strictEqual(c.MAX_INITIAL_WINDOW_SIZE, 2147483647);
assert.strictEqual(typeof http2.sensitiveHeaders, 'symbol');
assert.strictEqual(String(http2.sensitiveHeaders), 'Symbol(sensitiveHeaders)');
assert.deepStrictEqual(http2.getDefaultSettings(), {
  __proto__: null,
  headerTableSize: 4096,
  enablePush: true,
  initialWindowSize: 65535,
  maxFrameSize: 16384,
  maxConcurrentStreams: 4294967295,
  maxHeaderSize: 65535,
  maxHeaderListSize: 65535,
  enableConnectProtocol: false,
});
for (const name of ['connect', 'createServer', 'createSecureServer', 'getPackedSettings',
  'getUnpackedSettings', 'performServerHandshake', 'Http2ServerRequest',
  'Http2ServerResponse']) {
  assert.strictEqual(typeof http2[name], 'function', name);
}
