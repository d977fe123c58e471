'use strict';
// CompressionStream and DecompressionStream round-trip data for each format.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream, CompressionStream, DecompressionStream } = require('node:stream/web');

let hasZlib = true;
try {
  require('node:zlib');
} catch {
  hasZlib = false;
}

if (hasZlib) (async () => {
  for (const format of ['gzip', 'deflate', 'deflate-raw']) {
    const input = Buffer.from('hello hello hello hello '.repeat(100));
    const stream = ReadableStream.from([input])
      .pipeThrough(new CompressionStream(format))
      .pipeThrough(new DecompressionStream(format));
    const parts = [];
    for await (const chunk of stream) parts.push(Buffer.from(chunk));
    assert.deepStrictEqual(Buffer.concat(parts), input, format);
  }
  assert.throws(() => new CompressionStream('zip'), { code: 'ERR_INVALID_ARG_VALUE' });
})().then(common.mustCall());
