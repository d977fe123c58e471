'use strict';
// destroy(err) emits 'error' then 'close' on a later tick, only once, and
// records the error in `errored`.
const common = require('./common');
const assert = require('node:assert');
const { Duplex } = require('node:stream');

const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
const err = new Error('oops');
const events = [];
d.on('error', common.mustCall((e) => {
  assert.strictEqual(e, err);
  events.push('error');
}));
d.on('close', common.mustCall(() => {
  events.push('close');
  assert.deepStrictEqual(events, ['sync', 'error', 'close']);
}));
d.destroy(err);
d.destroy(new Error('ignored'));
events.push('sync');
assert.strictEqual(d.destroyed, true);
assert.strictEqual(d.errored, err);
assert.strictEqual(d.writable, false);
assert.strictEqual(d.readable, false);
d.write('late', common.mustCall((e) => {
  assert.strictEqual(e.code, 'ERR_STREAM_DESTROYED');
}));
