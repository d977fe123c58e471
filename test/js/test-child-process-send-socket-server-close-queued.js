'use strict';
// server.close() called while sockets are still queued for a child (each
// send() waits for the child's ack of the previous handle): the queued ones go
// out under the server's key all the same, so 'close' waits until the child
// has closed every one of them. server.listening is false from close() on.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');
const net = require('node:net');

const N = 4;
if (process.argv[2] === 'child') {
  const sockets = [];
  process.on('message', (m, socket) => {
    if (m === 'take') {
      sockets.push(socket);
      process.send('took');
    } else if (m === 'drop') {
      socket.destroy();
      process.send('took');
    } else if (m === 'ping') {
      process.send('pong');
    } else if (m === 'drop-all') {
      for (const s of sockets.splice(0)) s.destroy();
    }
  });
  return;
}

const child = fork(__filename, ['child']);
const server = net.createServer();
const pending = [];
let closed = false;
server.on('connection', common.mustCall((socket) => {
  pending.push(socket);
  if (pending.length === N) {
    // all sent at once: every send after the first waits for an ack, so these
    // are still queued when close() runs
    // (the first one the child closes at once; the others it keeps)
    pending.forEach((s, i) => child.send(i === 0 ? 'drop' : 'take', s));
    server.close(common.mustCall(() => {
      closed = true;
      child.disconnect();
    }));
    assert.strictEqual(server.listening, false);
  }
}, N));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  for (let i = 0; i < N; i++) {
    net.connect(server.address().port, '127.0.0.1').on('error', () => {});
  }
}));

let took = 0;
child.on('message', (m) => {
  if (m === 'took' && ++took === N) {
    child.send('ping');
  } else if (m === 'pong') {
    // every socket reached the child; all but the first are still open there
    setTimeout(common.mustCall(() => {
      assert.strictEqual(closed, false);
      child.send('drop-all');
    }), 50);
  }
});
