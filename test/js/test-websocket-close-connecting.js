'use strict';
// WebSocket: close() before the handshake completes fails the connection at
// once: an error event during the call, readyState CLOSING after it, and no
// open event.
const common = require('./common');
const assert = require('node:assert');
const { createServer } = require('./fixtures/websocket-server');

const server = createServer(() => {});
server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onopen = common.mustNotCall();
  let errors = 0;
  ws.onerror = common.mustCallAtLeast((e) => {
    if (errors++ === 0) {
      assert.strictEqual(e.message, 'Connection was closed before it was established.');
    }
  });
  ws.close();
  assert.strictEqual(errors, 1);
  assert.strictEqual(ws.readyState, WebSocket.CLOSING);
  setTimeout(common.mustCall(() => {
    assert.notStrictEqual(ws.readyState, WebSocket.OPEN);
    server.closeAllConnections();
    server.close();
  }), 100);
}));
