'use strict';
// A server's sockets handed to a child with send() still count for the
// server: getConnections() includes those the child holds open, and close()
// emits 'close' only after the child has closed them.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');
const net = require('node:net');

if (process.argv[2] === 'child') {
  const sockets = [];
  process.on('message', (m, socket) => {
    if (m === 'take') {
      sockets.push(socket);
      process.send('took');
    } else if (m === 'drop-one') {
      sockets.shift().destroy().on('close', () => process.send('dropped'));
    } else if (m === 'ping') {
      process.send('pong');
    } else if (m === 'drop-all') {
      for (const s of sockets.splice(0)) s.destroy();
    }
  });
  return;
}

// CHILD_EXEC_PATH runs the child under another runtime (node or cairn): the
// messages are node's, so either side may be either.
const child = fork(__filename, ['child'], process.env.CHILD_EXEC_PATH ?
  { execPath: process.env.CHILD_EXEC_PATH } : {});
const server = net.createServer();
server.on('connection', common.mustCall((socket) => child.send('take', socket), 3));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  for (let i = 0; i < 3; i++) net.connect(server.address().port, '127.0.0.1').on('error', () => {});
}));

function count(expected, next) {
  server.getConnections(common.mustSucceed((n) => {
    assert.strictEqual(n, expected);
    next();
  }));
}

let took = 0;
let closed = false;
child.on('message', (m) => {
  if (m === 'took' && ++took === 3) {
    count(3, () => child.send('drop-one'));
  } else if (m === 'dropped') {
    count(2, () => {
      server.close(common.mustCall(() => {
        closed = true;
        child.disconnect();
      }));
      child.send('ping');
    });
  } else if (m === 'pong') {
    assert.strictEqual(closed, false); // the child still holds two sockets
    child.send('drop-all');
  }
});
