'use strict';
// end() called from inside _write() before its callback runs must still emit 'prefinish'
// (synchronously, when the write completes) and 'finish' (a tick later). ws's Receiver
// relies on it to report a closed connection.
const common = require('./common');
const assert = require('node:assert');
const { Writable } = require('node:stream');

const order = [];
const w = new Writable({
  write(chunk, encoding, cb) {
    order.push('write');
    this.end();
    cb();
  },
});
w.on('prefinish', common.mustCall(() => order.push('prefinish')));
w.on('finish', common.mustCall(() => {
  order.push('finish');
  assert.strictEqual(w.writableFinished, true);
}));
w.on('close', common.mustCall(() => {
  assert.deepStrictEqual(order, ['write', 'prefinish', 'sync', 'finish']);
}));
w.write('a');
order.push('sync');
assert.strictEqual(w.writableEnded, true);
assert.strictEqual(w.writableFinished, false);
