'use strict';
// _flush() runs after the last _transform() and its output comes before
// 'end'; a Transform emits 'end' before 'finish' (its final step pushes
// EOF and 'finish' waits a tick).
const common = require('./common');
const assert = require('node:assert');
const { Transform } = require('node:stream');

const order = [];
const t = new Transform({
  transform(chunk, enc, cb) {
    cb(null, chunk.toString().toUpperCase());
  },
  flush(cb) {
    order.push('flush');
    cb(null, '!');
  },
});
let out = '';
t.on('data', (d) => { out += d; });
t.on('finish', common.mustCall(() => {
  order.push('finish');
  assert.deepStrictEqual(order, ['flush', 'end', 'finish']);
}));
t.on('end', common.mustCall(() => {
  order.push('end');
  assert.strictEqual(out, 'AB!');
  assert.deepStrictEqual(order, ['flush', 'end']);
}));
t.write('a');
t.end('b');
