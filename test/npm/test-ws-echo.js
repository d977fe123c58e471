'use strict';
// ws 8: a WebSocketServer on an http server and a ws client echo text, binary, a large
// fragmented-size message and ping/pong, then close cleanly with a code and reason. The
// optional native helpers (bufferutil, utf-8-validate) are not installed, so ws uses its
// JavaScript fallbacks.
const assert = require('node:assert');
const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');
const { watchdog } = require('./common');
watchdog();

assert.throws(() => require.resolve('bufferutil'), { code: 'MODULE_NOT_FOUND' });

const server = http.createServer((req, res) => res.end('plain http'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
let serverClose;
wss.on('connection', (sock, req) => {
  assert.strictEqual(req.headers['x-hello'], 'there');
  assert.strictEqual(typeof req.socket.remotePort, 'number');
  sock.on('message', (data, isBinary) => sock.send(data, { binary: isBinary }));
  sock.on('close', (code, reason) => {
    serverClose = [code, reason.toString()];
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/path?x=1`, { headers: { 'X-Hello': 'there' } });
  const got = [];
  const big = Buffer.alloc(200000, 'z');
  ws.on('open', () => {
    assert.strictEqual(ws.readyState, WebSocket.OPEN);
    ws.send('hello');
    ws.send(Buffer.from([0, 1, 2, 255]));
    ws.send('héllo ✓ wörld');
    ws.send(big);
    ws.ping('p');
  });
  ws.on('pong', (data) => got.push(['pong', data.toString()]));
  ws.on('message', (data, isBinary) => {
    got.push([isBinary ? 'bin' : 'text', isBinary ? data.length : data.toString()]);
    if (got.filter((g) => g[0] !== 'pong').length === 4) ws.close(4000, 'bye');
  });
  ws.on('close', (code, reason) => {
    assert.strictEqual(code, 4000);
    assert.strictEqual(reason.toString(), 'bye');
    assert.deepStrictEqual(got.filter((g) => g[0] !== 'pong'), [
      ['text', 'hello'],
      ['bin', 4],
      ['text', 'héllo ✓ wörld'],
      ['bin', 200000],
    ]);
    assert.deepStrictEqual(got.find((g) => g[0] === 'pong'), ['pong', 'p']);
    wss.close();
    server.close(() => {
      assert.deepStrictEqual(serverClose, [4000, 'bye']);
      console.log('ws echo ok');
    });
  });
});
