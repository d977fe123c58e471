'use strict';
// finished() reports ERR_STREAM_PREMATURE_CLOSE when a stream is destroyed
// before it ends, and nothing when it ends normally.
const common = require('./common');
const assert = require('node:assert');
const { finished, Readable, Writable } = require('node:stream');
const { finished: finishedP } = require('node:stream/promises');

const r = new Readable({ read() {} });
finished(r, common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
  assert.strictEqual(err.message, 'Premature close');
}));
r.destroy();

const w = new Writable({ write(chunk, enc, cb) { cb(); } });
finishedP(w).then(common.mustCall((value) => {
  assert.strictEqual(value, undefined);
  assert.strictEqual(w.writableFinished, true);
}));
w.end('done');
