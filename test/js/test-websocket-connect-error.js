'use strict';
// WebSocket: a server that answers the handshake without 101 makes the
// client fire an ErrorEvent.
const common = require('./common');
const assert = require('node:assert');
const http = require('node:http');

const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.headers.upgrade.toLowerCase(), 'websocket');
  res.writeHead(403);
  res.end('no');
}));
server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onopen = common.mustNotCall();
  ws.onmessage = common.mustNotCall();
  ws.onerror = common.mustCall((e) => {
    assert.strictEqual(e.type, 'error');
    assert.ok(e instanceof Event);
    assert.strictEqual(e.message, 'Received network error or non-101 status code.');
    assert.ok(e.error instanceof Error);
    server.close();
  });
}));
