'use strict';
// Issue 7: subprocess.send(message, socket) moves a connection to the child;
// the parent's socket lets go of it, and the child talks to the client.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');
const net = require('node:net');

if (process.argv[2] === 'child') {
  process.on('message', common.mustCall((msg, socket) => {
    assert.deepStrictEqual(msg, { kind: 'socket' });
    assert.ok(socket instanceof net.Socket);
    socket.setEncoding('utf8');
    socket.once('data', common.mustCall((data) => {
      assert.strictEqual(data, 'ping');
      socket.end('pong from child');
    }));
    socket.on('close', () => process.disconnect());
    process.send('got it');
  }));
} else {
  const child = fork(__filename, ['child']);
  const server = net.createServer(common.mustCall((socket) => {
    child.send({ kind: 'socket' }, socket, common.mustSucceed(() => {
      assert.strictEqual(socket._handle, null);
    }));
    server.close();
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const client = net.connect(server.address().port, '127.0.0.1');
    client.setEncoding('utf8');
    let data = '';
    client.on('data', (c) => { data += c; });
    client.on('end', common.mustCall(() => {
      assert.strictEqual(data, 'pong from child');
    }));
    // Only once the child has the connection: bytes that reach the parent
    // before the handover are the parent's.
    child.on('message', common.mustCall((msg) => {
      assert.strictEqual(msg, 'got it');
      client.write('ping');
    }));
  }));
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}
