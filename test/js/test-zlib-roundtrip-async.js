'use strict';
// The callback helpers and their util.promisify forms round-trip every format,
// and `info: true` reports the engine.
const common = require('./common');
const assert = require('node:assert');
const util = require('node:util');
const zlib = require('node:zlib');

const input = Buffer.from('async zlib '.repeat(1000));
const pairs = [
  ['deflate', 'inflate'], ['gzip', 'gunzip'], ['gzip', 'unzip'],
  ['deflateRaw', 'inflateRaw'], ['brotliCompress', 'brotliDecompress'],
];
for (const [comp, decomp] of pairs) {
  zlib[comp](input, common.mustSucceed((compressed) => {
    assert.ok(compressed.length < input.length);
    zlib[decomp](compressed, { chunkSize: 64 }, common.mustSucceed((out) => {
      assert.deepStrictEqual(out, input);
    }));
  }));
  (async () => {
    const compressed = await util.promisify(zlib[comp])(input);
    const out = await util.promisify(zlib[decomp])(compressed);
    assert.deepStrictEqual(out, input);
  })().then(common.mustCall());
}
zlib.gzip(input, { info: true }, common.mustSucceed((res) => {
  assert.ok(res.engine instanceof zlib.Gzip);
  assert.strictEqual(res.engine.bytesWritten, input.length);
  assert.deepStrictEqual(zlib.gunzipSync(res.buffer), input);
}));
const info = zlib.deflateSync(input, { info: true });
assert.ok(info.engine instanceof zlib.Deflate);
assert.deepStrictEqual(zlib.inflateSync(info.buffer), input);
assert.throws(() => zlib.gzip(input), { code: 'ERR_INVALID_ARG_TYPE' });
