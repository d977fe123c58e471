'use strict';
// Streams of every kind (created with and without `new`, and by the create*
// factories) compress and decompress through pipeline in small pieces.
const common = require('./common');
const assert = require('node:assert');
const { Readable, pipeline, Writable } = require('node:stream');
const zlib = require('node:zlib');

const parts = [];
for (let i = 0; i < 300; i++) parts.push(Buffer.from(`line ${i} ${'x'.repeat(i % 37)}\n`));
const input = Buffer.concat(parts);

const kinds = [
  [() => new zlib.Deflate(), () => zlib.Inflate()],
  [() => zlib.createGzip({ chunkSize: 128 }), () => zlib.createGunzip()],
  [() => zlib.Gzip(), () => zlib.createUnzip({ chunkSize: 64 })],
  [() => zlib.createDeflateRaw({ level: 9 }), () => new zlib.InflateRaw()],
  [() => zlib.createBrotliCompress(), () => zlib.BrotliDecompress()],
];
for (const [makeComp, makeDecomp] of kinds) {
  const out = [];
  pipeline(
    Readable.from(parts),
    makeComp(),
    makeDecomp(),
    new Writable({
      write(chunk, enc, cb) { out.push(chunk); cb(); },
    }),
    common.mustSucceed(() => {
      assert.deepStrictEqual(Buffer.concat(out), input);
    }),
  );
}
const g = zlib.createGzip();
assert.ok(g instanceof require('node:stream').Transform);
assert.strictEqual(typeof g._handle, 'object');
g.on('finish', common.mustCall(() => assert.strictEqual(g.bytesWritten, 5)));
g.resume();
g.end('hello');
