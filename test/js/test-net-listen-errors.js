'use strict';
// listen() failures and misuse: EADDRINUSE message, double listen, closing a
// server that is not running, bad ports.
const common = require('./common');
const assert = require('assert');
const net = require('net');

assert.throws(() => net.createServer().listen(65536), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
});
assert.throws(() => net.connect({ port: -1 }), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => net.connect(), { code: 'ERR_MISSING_ARGS' });

net.createServer().close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
  assert.strictEqual(err.message, 'Server is not running.');
}));

const a = net.createServer();
a.listen(0, common.mustCall(() => {
  assert.strictEqual(a.listening, true);
  assert.throws(() => a.listen(0), { code: 'ERR_SERVER_ALREADY_LISTEN' });
  const { port } = a.address();
  const b = net.createServer();
  b.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.message, `listen EADDRINUSE: address already in use :::${port}`);
    assert.strictEqual(b.listening, false);
    a.close(common.mustCall(() => assert.strictEqual(a.listening, false)));
  }));
  b.listen(port);
}));
