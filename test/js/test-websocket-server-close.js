'use strict';
// WebSocket: a close frame from the server is echoed with its code, ends in a
// clean close event, and send() or close() after it are ignored.
const common = require('./common');
const assert = require('node:assert');
const { createServer } = require('./fixtures/websocket-server');

const server = createServer(common.mustCall((conn) => {
  conn.close(1001, 'going away');
  conn.onFrame = common.mustCall((frame) => {
    assert.strictEqual(frame.opcode, 8);
    assert.strictEqual(frame.payload.readUInt16BE(0), 1001);
    conn.socket.end();
  });
}));

server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onopen = common.mustCall();
  ws.onclose = common.mustCall((e) => {
    assert.ok(e instanceof Event);
    assert.strictEqual(e.type, 'close');
    assert.strictEqual(e.code, 1001);
    assert.strictEqual(e.reason, 'going away');
    assert.strictEqual(e.wasClean, true);
    assert.strictEqual(ws.readyState, WebSocket.CLOSED);
    ws.send('late');
    assert.strictEqual(ws.bufferedAmount, 0);
    ws.close();
    server.close();
  });
}));
