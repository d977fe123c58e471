'use strict';
// write() returns false once highWaterMark bytes are pending, and 'drain'
// fires after they have all been written.
const common = require('./common');
const assert = require('node:assert');
const { Writable } = require('node:stream');

const pending = [];
const w = new Writable({
  highWaterMark: 10,
  write(chunk, encoding, cb) {
    pending.push(cb);
  },
});

assert.strictEqual(w.write(Buffer.alloc(4)), true);
assert.strictEqual(w.write(Buffer.alloc(4)), true);
assert.strictEqual(w.writableLength, 8);
assert.strictEqual(w.write(Buffer.alloc(4)), false);
assert.strictEqual(w.writableNeedDrain, true);
assert.strictEqual(w.writableLength, 12);

w.on('drain', common.mustCall(() => {
  assert.strictEqual(w.writableLength, 0);
  assert.strictEqual(w.writableNeedDrain, false);
}));

// One write is in flight, the other two are buffered behind it.
(function next() {
  const cb = pending.shift();
  if (!cb) return;
  cb();
  setImmediate(next);
})();
