'use strict';
// WebSocket: a Blob send is read asynchronously, yet it and the sends that
// follow it reach the server in call order, with the bytes given at the call.
const common = require('./common');
const assert = require('node:assert');
const { createServer } = require('./fixtures/websocket-server');

const frames = [];
const server = createServer(common.mustCall((conn) => {
  conn.onFrame = (frame) => {
    if (frame.opcode !== 8) frames.push([frame.opcode, frame.payload.toString()]);
    if (frames.length === 3 && frame.opcode !== 8) conn.close(3001);
    if (frame.opcode === 8) {
      conn.send(8, frame.payload);
      conn.socket.end();
    }
  };
}));

server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.onopen = common.mustCall(() => {
    const bytes = new Uint8Array([0x62]);
    ws.send(new Blob(['a']));
    ws.send(bytes);
    bytes[0] = 0x7a;
    ws.send('c');
  });
  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.code, 3001);
    assert.deepStrictEqual(frames, [[2, 'a'], [2, 'b'], [1, 'c']]);
    server.close();
  });
}));
