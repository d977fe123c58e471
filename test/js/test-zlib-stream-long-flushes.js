'use strict';
// A long compressing stream (several MB, past the point where the binding may
// compress segments side by side) stays one valid stream in every format, with
// sync, full and partial flushes, params() and a synchronous last chunk.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const SIZE = 3 * 1024 * 1024 + 4321;
const data = Buffer.allocUnsafe(SIZE);
let seed = 99;
for (let i = 0; i < SIZE; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  data[i] = 97 + ((seed >>> 24) % 9);
}

function roundTrip(make, inflate, opts, every, kind) {
  const z = make(opts);
  const parts = [];
  z.on('data', (c) => parts.push(c));
  z.on('end', common.mustCall(() => {
    const out = Buffer.concat(parts);
    assert.ok(out.length < SIZE / 2);
    assert.ok(inflate(out).equals(data));
  }));
  let off = 0;
  let n = 0;
  (function more() {
    while (off < SIZE) {
      const chunk = data.subarray(off, off + 40000);
      off += chunk.length;
      if (every && ++n % every === 0) z.flush(kind);
      if (!z.write(chunk)) {
        z.once('drain', more);
        return;
      }
    }
    z.end();
  })();
}

const { Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_PARTIAL_FLUSH } = zlib.constants;
roundTrip(zlib.createGzip, zlib.gunzipSync, {}, 0);
roundTrip(zlib.createDeflate, zlib.inflateSync, { level: 9 }, 0);
roundTrip(zlib.createDeflateRaw, zlib.inflateRawSync, { level: 1 }, 0);
roundTrip(zlib.createGzip, zlib.gunzipSync, {}, 11, Z_SYNC_FLUSH);
roundTrip(zlib.createDeflate, zlib.inflateSync, {}, 13, Z_FULL_FLUSH);
roundTrip(zlib.createDeflateRaw, zlib.inflateRawSync, {}, 17, Z_PARTIAL_FLUSH);

// A sync flush hands out everything written so far.
{
  const z = zlib.createDeflate();
  const parts = [];
  z.on('data', (c) => parts.push(c));
  z.write(data.subarray(0, 2500000));
  z.flush(Z_SYNC_FLUSH, common.mustCall(() => {
    const got = zlib.inflateSync(Buffer.concat(parts), { finishFlush: Z_SYNC_FLUSH });
    assert.ok(got.equals(data.subarray(0, 2500000)));
    // Then the rest synchronously, to the end of the stream.
    const tail = z._processChunk(data.subarray(2500000), zlib.constants.Z_FINISH);
    assert.ok(zlib.inflateSync(Buffer.concat([...parts, tail])).equals(data));
  }));
}
