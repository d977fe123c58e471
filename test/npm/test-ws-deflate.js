'use strict';
// ws 8 with permessage-deflate on both sides (zlib deflateRaw/inflateRaw with sync
// flushes and context takeover): a WebSocketServer in noServer mode fed by the http
// server's 'upgrade' event, compressed text and binary messages both ways.
const assert = require('node:assert');
const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');
const { watchdog } = require('./common');
watchdog();

const server = http.createServer();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: { threshold: 0 } });
server.on('upgrade', (req, socket, head) => {
  assert.ok(Buffer.isBuffer(head));
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
wss.on('connection', (sock) => {
  assert.match(sock.extensions, /^permessage-deflate/);
  sock.on('message', (data, isBinary) => sock.send(data, { binary: isBinary }));
});

server.listen(0, '127.0.0.1', () => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.address().port}/`, { perMessageDeflate: true });
  const sent = [
    'x'.repeat(100000),
    'hello',
    Buffer.from(Array.from({ length: 70000 }, (_, i) => (i * 31) & 255)),
    'hello again',
  ];
  const got = [];
  ws.on('open', () => {
    assert.match(ws.extensions, /^permessage-deflate/);
    for (const m of sent) ws.send(m);
  });
  ws.on('message', (data, isBinary) => {
    got.push(isBinary ? data : data.toString());
    if (got.length === sent.length) ws.close();
  });
  ws.on('close', (code) => {
    assert.strictEqual(code, 1005);
    assert.deepStrictEqual(got, sent);
    wss.close();
    server.close(() => console.log('ws deflate ok'));
  });
});
