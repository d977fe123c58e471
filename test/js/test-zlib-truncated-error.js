'use strict';
// Truncated or corrupt input fails with node's zlib error codes, sync and
// async, and a stream emits the error.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const data = zlib.gzipSync('some data that will be cut short '.repeat(20));
const cut = data.subarray(0, data.length >> 1);
const eof = { code: 'Z_BUF_ERROR', errno: -5, message: 'unexpected end of file' };
assert.throws(() => zlib.gunzipSync(cut), eof);
zlib.gunzip(cut, common.mustCall((err, res) => {
  assert.strictEqual(err.code, 'Z_BUF_ERROR');
  assert.strictEqual(err.errno, -5);
  assert.strictEqual(res, undefined);
}));
assert.throws(() => zlib.inflateSync(Buffer.from('not zlib')),
              { code: 'Z_DATA_ERROR', errno: -3, message: 'incorrect header check' });
assert.throws(() => zlib.brotliDecompressSync(zlib.brotliCompressSync('abcdef').subarray(0, 3)),
              eof);
assert.throws(() => zlib.brotliDecompressSync(Buffer.from('garbage in, garbage out')),
              { message: 'Decompression failed', code: /^ERR__ERROR_FORMAT_/ });
const s = zlib.createInflate();
s.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
  assert.ok(err instanceof Error);
  assert.deepStrictEqual(Object.keys(err), ['errno', 'code']);
}));
s.on('close', common.mustCall(() => assert.strictEqual(s._handle, null)));
s.end(Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff]));
