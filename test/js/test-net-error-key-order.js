'use strict';
// util.inspect shows an error's own keys in the order they were set; node sets errno before
// code on a failed connect, and code before errno on a failed listen.
const common = require('./common');
const assert = require('node:assert');
const net = require('node:net');

net.connect(1, '127.0.0.1').on('error', common.mustCall((e) => {
  assert.deepStrictEqual(Object.keys(e), ['errno', 'code', 'syscall', 'address', 'port']);
}));
const s = net.createServer().listen(0, common.mustCall(() => {
  net.createServer().listen(s.address().port).on('error', common.mustCall((e) => {
    assert.deepStrictEqual(Object.keys(e), ['code', 'errno', 'syscall', 'address', 'port']);
    s.close();
  }));
}));
