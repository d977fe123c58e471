'use strict';
// push() after EOF and write() after end() fail with node's error codes.
const common = require('./common');
const assert = require('node:assert');
const { Readable, Writable } = require('node:stream');

const r = new Readable({ read() {} });
r.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_PUSH_AFTER_EOF');
  assert.strictEqual(err.message, 'stream.push() after EOF');
}));
r.push(null);
r.push('more');

const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
}));
w.end();
w.write('x', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
}));
assert.throws(() => w.write(null), { code: 'ERR_STREAM_NULL_VALUES' });
assert.throws(() => new Writable().write(1), { code: 'ERR_INVALID_ARG_TYPE' });
