'use strict';
// Writes made while corked reach _writev() together on uncork().
const common = require('./common');
const assert = require('node:assert');
const { Writable } = require('node:stream');

const w = new Writable({
  decodeStrings: false,
  write: common.mustNotCall(),
  writev: common.mustCall((chunks, cb) => {
    assert.deepStrictEqual(chunks.map((c) => [c.chunk, c.encoding]),
                           [['a', 'utf8'], ['b', 'latin1'], ['c', 'utf8']]);
    cb();
  }),
});

w.cork();
w.write('a');
w.write('b', 'latin1');
w.write('c', common.mustCall());
assert.strictEqual(w.writableCorked, 1);
assert.strictEqual(w.writableLength, 3);
process.nextTick(() => w.uncork());
