'use strict';
// WebSocket: binary messages as Blob by default and as ArrayBuffer with
// binaryType 'arraybuffer'; ArrayBuffer, typed array and Blob sends keep order.
const common = require('./common');
const assert = require('node:assert');
const { createServer } = require('./fixtures/websocket-server');

const received = [];
const server = createServer(common.mustCall((conn) => {
  conn.onFrame = (frame) => {
    if (frame.opcode === 2) {
      received.push([...frame.payload]);
      if (received.length === 3) {
        assert.deepStrictEqual(received, [[1, 2], [3, 4, 5], [6]]);
        conn.send(2, Buffer.from([9, 8, 7]));
        conn.send(2, Buffer.alloc(70000, 0xab));
      }
    }
    if (frame.opcode === 8) {
      conn.send(8, frame.payload);
      conn.socket.end();
    }
  };
}));

server.listen(0, common.mustCall(() => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
  ws.binaryType = 'nonsense';
  assert.strictEqual(ws.binaryType, 'blob');
  let count = 0;
  ws.onopen = common.mustCall(() => {
    ws.send(new Blob([new Uint8Array([1, 2])]));
    ws.send(new Uint8Array([3, 4, 5]).buffer);
    ws.send(new Uint8Array([0, 6, 0]).subarray(1, 2));
  });
  ws.onmessage = common.mustCall((e) => {
    count++;
    if (count === 1) {
      assert.ok(e.data instanceof Blob);
      e.data.arrayBuffer().then(common.mustCall((ab) => {
        assert.deepStrictEqual([...new Uint8Array(ab)], [9, 8, 7]);
      }));
      ws.binaryType = 'arraybuffer';
    } else {
      assert.ok(e.data instanceof ArrayBuffer);
      assert.strictEqual(e.data.byteLength, 70000);
      assert.strictEqual(new Uint8Array(e.data)[69999], 0xab);
      ws.close();
    }
  }, 2);
  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.code, 1005);
    assert.strictEqual(e.wasClean, true);
    server.close();
  });
}));
