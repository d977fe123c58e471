'use strict';
// stream.pipeline() and finished() accept web streams.
const common = require('./common');
const assert = require('node:assert');
const { pipeline, finished, Writable } = require('node:stream');

const chunks = [];
pipeline(
  ReadableStream.from(['a', 'b']),
  new TransformStream({ transform(chunk, c) { c.enqueue(chunk + chunk); } }),
  new Writable({
    objectMode: true,
    write(chunk, encoding, cb) {
      chunks.push(chunk);
      cb();
    },
  }),
  common.mustCall((err) => {
    assert.ifError(err);
    assert.deepStrictEqual(chunks, ['aa', 'bb']);
  }),
);

const rs = new ReadableStream({ start(c) { c.close(); } });
finished(rs, common.mustCall((err) => assert.ifError(err)));
const bad = new ReadableStream({ start(c) { c.error(new Error('oops')); } });
finished(bad, common.mustCall((err) => assert.strictEqual(err.message, 'oops')));
