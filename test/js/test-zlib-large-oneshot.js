'use strict';
// Big one-shot compressions (several MB, every deflate format and a few
// levels) decode back to the input, with bytesWritten and maxOutputLength.
require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const input = Buffer.alloc(3 * 1024 * 1024);
let seed = 7;
for (let i = 0; i < input.length; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  input[i] = 97 + ((seed >>> 16) % 8);
}
for (const [comp, decomp] of [['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'],
  ['deflateRawSync', 'inflateRawSync']]) {
  for (const level of [1, 6, 9]) {
    const res = zlib[comp](input, { level, info: true });
    assert.strictEqual(res.engine.bytesWritten, input.length);
    assert.ok(res.buffer.length < input.length / 2);
    assert.ok(zlib[decomp](res.buffer).equals(input), `${comp} level ${level}`);
  }
}
assert.throws(() => zlib.gzipSync(input, { maxOutputLength: 1000 }),
              { code: 'ERR_BUFFER_TOO_LARGE' });
// Level 0 stores the data.
assert.ok(zlib.gzipSync(input, { level: 0 }).length > input.length);
