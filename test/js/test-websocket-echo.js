'use strict';
// WebSocket: handshake, text messages both ways, masked client frames, the
// negotiated protocol and the events' order.
const common = require('./common');
const assert = require('node:assert');
const { createServer } = require('./fixtures/websocket-server');

const server = createServer(common.mustCall((conn, req) => {
  assert.strictEqual(req.headers['sec-websocket-version'], '13');
  assert.strictEqual(req.headers['sec-websocket-protocol'], 'chat, superchat');
  assert.strictEqual(req.headers.upgrade.toLowerCase(), 'websocket');
  assert.strictEqual(req.url, '/path?q=1');
  conn.onFrame = (frame) => {
    assert.strictEqual(frame.masked, true);
    if (frame.opcode === 1) conn.text(`echo:${frame.payload}`);
    if (frame.opcode === 8) {
      conn.send(8, frame.payload);
      conn.socket.end();
    }
  };
}), { protocol: 'superchat' });

server.listen(0, common.mustCall(() => {
  const events = [];
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/path?q=1`,
                           ['chat', 'superchat']);
  assert.strictEqual(ws.readyState, WebSocket.CONNECTING);
  assert.strictEqual(ws.binaryType, 'blob');
  assert.strictEqual(ws.protocol, '');
  ws.onopen = common.mustCall((e) => {
    events.push('open');
    assert.strictEqual(e.type, 'open');
    assert.strictEqual(ws.readyState, WebSocket.OPEN);
    assert.strictEqual(ws.protocol, 'superchat');
    assert.strictEqual(ws.extensions, '');
    ws.send('héllo');
    assert.strictEqual(ws.bufferedAmount, 6);
  });
  ws.addEventListener('message', common.mustCall((e) => {
    events.push('message');
    assert.ok(e instanceof MessageEvent);
    assert.strictEqual(e.data, 'echo:héllo');
    assert.strictEqual(e.origin, `ws://127.0.0.1:${server.address().port}`);
    ws.close(1000, 'done');
    assert.strictEqual(ws.readyState, WebSocket.CLOSING);
  }));
  ws.onerror = common.mustNotCall();
  ws.onclose = common.mustCall((e) => {
    events.push('close');
    assert.strictEqual(e.code, 1000);
    assert.strictEqual(e.reason, 'done');
    assert.strictEqual(e.wasClean, true);
    assert.strictEqual(ws.readyState, WebSocket.CLOSED);
    assert.deepStrictEqual(events, ['open', 'message', 'close']);
    server.close();
  });
}));
