'use strict';
// gunzip and unzip continue across concatenated gzip members (also when a
// member is split across writes), stop at trailing zero padding, and fail
// on trailing garbage that starts like a gzip header.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const a = zlib.gzipSync('abc');
const b = zlib.gzipSync('def');
const both = Buffer.concat([a, b]);
assert.strictEqual(zlib.gunzipSync(both).toString(), 'abcdef');
assert.strictEqual(zlib.unzipSync(both).toString(), 'abcdef');
assert.strictEqual(zlib.gunzipSync(Buffer.concat([both, Buffer.alloc(8)])).toString(), 'abcdef');
// A zlib stream holds one member: unzip stops after it.
assert.strictEqual(
  zlib.unzipSync(Buffer.concat([zlib.deflateSync('abc'), zlib.deflateSync('def')])).toString(),
  'abc');
assert.throws(() => zlib.gunzipSync(Buffer.concat([both, Buffer.from([0x1f, 0x8b, 0xff, 0xff])])),
              { code: 'Z_DATA_ERROR', errno: -3, message: 'unknown compression method' });

for (let split = 0; split <= b.length; split += 3) {
  const out = [];
  const gunzip = zlib.createUnzip();
  gunzip.on('data', (d) => out.push(d));
  gunzip.on('end', common.mustCall(() => {
    assert.strictEqual(Buffer.concat(out).toString(), 'abcdef');
  }));
  gunzip.write(Buffer.concat([a, b.subarray(0, split)]));
  gunzip.end(b.subarray(split));
}
// One byte at a time through unzip.
const one = zlib.createUnzip();
const got = [];
one.on('data', (d) => got.push(d));
one.on('end', common.mustCall(() => assert.strictEqual(Buffer.concat(got).toString(), 'abcdef')));
for (const byte of both) one.write(Buffer.from([byte]));
one.end();
