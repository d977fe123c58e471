'use strict';
// WebSocket: a fragmented text message is delivered once, whole, even with a
// ping between its fragments; the client answers the ping with a pong that
// echoes its payload.
const common = require('./common');
const assert = require('node:assert');
const { createServer, encodeFrame } = require('./fixtures/websocket-server');

const server = createServer(common.mustCall((conn) => {
  // All frames in one write, and a split UTF-8 sequence across fragments.
  const euro = Buffer.from('€');
  conn.socket.write(Buffer.concat([
    encodeFrame(1, Buffer.concat([Buffer.from('ab'), euro.subarray(0, 1)]), false),
    encodeFrame(9, 'ping-data'),
    encodeFrame(0, euro.subarray(1), false),
    encodeFrame(0, 'cd', true),
  ]));
  conn.onFrame = common.mustCall((frame) => {
    if (frame.opcode === 10) {
      assert.strictEqual(frame.payload.toString(), 'ping-data');
      conn.close(4000, 'bye');
    } else {
      assert.strictEqual(frame.opcode, 8);
      assert.strictEqual(frame.payload.readUInt16BE(0), 4000);
      conn.socket.end();
    }
  }, 2);
}));

server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onmessage = common.mustCall((e) => {
    assert.strictEqual(e.data, 'ab€cd');
  });
  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.code, 4000);
    assert.strictEqual(e.reason, 'bye');
    assert.strictEqual(e.wasClean, true);
    server.close();
  });
}));
