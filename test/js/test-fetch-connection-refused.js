'use strict';
// fetch: a refused connection rejects with TypeError('fetch failed') whose
// cause is the socket's ECONNREFUSED error.
const common = require('./common');
const assert = require('node:assert');
const net = require('node:net');

// Find a free port, then close it so nothing listens there.
const probe = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  const port = probe.address().port;
  probe.close(common.mustCall(async () => {
    await assert.rejects(fetch(`http://127.0.0.1:${port}/`), (err) => {
      assert.strictEqual(err.name, 'TypeError');
      assert.strictEqual(err.message, 'fetch failed');
      assert.strictEqual(err.cause.code, 'ECONNREFUSED');
      assert.strictEqual(err.cause.syscall, 'connect');
      assert.strictEqual(err.cause.port, port);
      return true;
    });
  }));
}));
