'use strict';
// flush() pushes out everything written so far (a decodable prefix, ending
// in the sync marker for Z_SYNC_FLUSH), and write/flush order is kept.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const gzip = zlib.createGzip();
const out = [];
gzip.on('data', (d) => out.push(d));
gzip.write('first part;');
gzip.flush(zlib.constants.Z_SYNC_FLUSH, common.mustCall(() => {
  const sofar = Buffer.concat(out);
  assert.deepStrictEqual([...sofar.subarray(-4)], [0, 0, 0xff, 0xff]);
  const part = zlib.gunzipSync(sofar, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert.strictEqual(part.toString(), 'first part;');
  gzip.write('second part');
  gzip.flush(common.mustCall(() => {
    gzip.end();
  }));
}));
gzip.on('end', common.mustCall(() => {
  assert.strictEqual(zlib.gunzipSync(Buffer.concat(out)).toString(), 'first part;second part');
  // After the end, flush() calls back on the next tick.
  gzip.flush(common.mustCall());
}));

// Brotli flush with BROTLI_OPERATION_FLUSH makes the prefix decodable too.
const br = zlib.createBrotliCompress();
const brOut = [];
br.on('data', (d) => brOut.push(d));
br.write('brotli data');
br.flush(common.mustCall(() => {
  const d = zlib.createBrotliDecompress();
  d.on('data', common.mustCall((chunk) => {
    assert.strictEqual(chunk.toString(), 'brotli data');
    br.end();
  }));
  d.write(Buffer.concat(brOut));
}));
