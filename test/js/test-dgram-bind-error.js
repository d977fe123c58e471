'use strict';
// Binding a port that is taken emits 'error' with the bind error shape.
const common = require('./common');
const assert = require('node:assert');
const dgram = require('node:dgram');

const first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', common.mustCall(() => {
  const port = first.address().port;
  const second = dgram.createSocket('udp4');
  second.on('listening', common.mustNotCall());
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `bind EADDRINUSE 127.0.0.1:${port}`);
    second.close();
    first.close();
  }));
  second.bind(port, '127.0.0.1');
}));
