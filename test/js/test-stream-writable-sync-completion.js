'use strict';
// A write whose _write() completes synchronously leaves no backpressure:
// write() returns true even past highWaterMark and no 'drain' follows;
// 'finish' still comes on a later tick than the write callbacks.
const common = require('./common');
const assert = require('node:assert');
const { Writable } = require('node:stream');

const order = [];
const w = new Writable({
  highWaterMark: 2,
  write(chunk, encoding, cb) {
    cb();
  },
});
w.on('drain', common.mustNotCall());
assert.strictEqual(w.write('abcdef', () => order.push('cb1')), true);
assert.strictEqual(w.writableNeedDrain, false);
assert.strictEqual(w.writableLength, 0);
process.nextTick(() => order.push('tick1'));
w.write('x', () => order.push('cb2'));
w.end(() => order.push('end'));
process.nextTick(() => order.push('tick2'));
w.on('finish', common.mustCall(() => {
  order.push('finish');
  assert.deepStrictEqual(order, ['cb1', 'tick1', 'cb2', 'tick2', 'end', 'finish']);
}));

// An asynchronous one does signal backpressure.
const slow = new Writable({
  highWaterMark: 2,
  write(chunk, encoding, cb) {
    setImmediate(cb);
  },
});
assert.strictEqual(slow.write('abcdef'), false);
assert.strictEqual(slow.writableNeedDrain, true);
slow.on('drain', common.mustCall());
