'use strict';
// WebSocket: frames that break RFC 6455 (masked server frame, invalid UTF-8
// text, oversized ping, bad close code) fail the connection with an
// ErrorEvent and an unclean close 1006; only the bad close code is answered
// with a close frame.
const common = require('./common');
const assert = require('node:assert');
const { createServer, encodeFrame } = require('./fixtures/websocket-server');

const cases = [
  ['Frame cannot be masked', Buffer.from([0x81, 0x81, 1, 2, 3, 4, 5]), []],
  ['Received invalid UTF-8 in text frame.', encodeFrame(1, Buffer.from([0xff, 0xfe])), []],
  ['Control frame either too large or fragmented', encodeFrame(9, Buffer.alloc(126)), []],
  ['Invalid status code', encodeFrame(8, Buffer.from([0x03, 0xed])),
   [Buffer.concat([Buffer.from([0x03, 0xea]), Buffer.from('Invalid status code')])]],
];

function run(index) {
  if (index === cases.length) return;
  const [message, bytes, expectedFrames] = cases[index];
  const frames = [];
  let pending = 2;
  const done = () => {
    if (--pending > 0) return;
    assert.deepStrictEqual(frames, expectedFrames);
    server.close();
    run(index + 1);
  };
  const server = createServer(common.mustCall((conn) => {
    conn.onFrame = (frame) => {
      frames.push(frame.payload);
      conn.socket.end();
    };
    conn.socket.on('close', done);
    conn.socket.write(bytes);
  }));
  server.listen(0, common.mustCall(() => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
    ws.onmessage = common.mustNotCall();
    ws.onerror = common.mustCall((e) => {
      assert.strictEqual(e.message, message);
    });
    ws.onclose = common.mustCall((e) => {
      assert.strictEqual(e.code, 1006);
      assert.strictEqual(e.wasClean, false);
      assert.strictEqual(ws.readyState, WebSocket.CLOSED);
      done();
    });
  }));
}
run(0);
