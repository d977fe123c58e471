'use strict';
// pipeline() destroys every stream when one fails and calls back once with
// that error.
const common = require('./common');
const assert = require('node:assert');
const { pipeline, Readable, Transform, Writable } = require('node:stream');

const src = new Readable({ read() {} });
const mid = new Transform({
  transform(chunk, enc, cb) {
    cb(new Error('boom'));
  },
});
const dst = new Writable({ write(chunk, enc, cb) { cb(); } });

pipeline(src, mid, dst, common.mustCall((err) => {
  assert.strictEqual(err.message, 'boom');
  assert.strictEqual(src.destroyed, true);
  assert.strictEqual(mid.destroyed, true);
  assert.strictEqual(dst.destroyed, true);
}));

src.push('x');
