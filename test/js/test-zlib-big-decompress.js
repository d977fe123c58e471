'use strict';
// One-shot decompression of big inputs (gunzipSync, inflateSync, unzip,
// inflateRaw, and the callback forms) gives the original bytes; inputs that
// are not exactly one stream keep node's behaviour: gzip members are joined,
// junk after a gzip member, corrupt data and outputs over maxOutputLength
// raise node's errors.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const data = Buffer.alloc(3 * 1024 * 1024);
let seed = 7;
for (let i = 0; i < data.length; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  data[i] = 97 + ((seed >>> 24) % 6); // compressible, about 3 MB -> 1.2 MB
}
const gz = zlib.gzipSync(data);
const deflated = zlib.deflateSync(data);
const raw = zlib.deflateRawSync(data);
assert.ok(gz.length > 1024 * 1024, 'input big enough for the one-shot path');

assert.ok(zlib.gunzipSync(gz).equals(data));
assert.ok(zlib.inflateSync(deflated).equals(data));
assert.ok(zlib.inflateRawSync(raw).equals(data));
assert.ok(zlib.unzipSync(gz).equals(data));
assert.ok(zlib.unzipSync(deflated).equals(data));
assert.strictEqual(zlib.gunzipSync(gz, { info: true }).buffer.length, data.length);

// Two members decode to both; junk after a member is an error.
assert.ok(zlib.gunzipSync(Buffer.concat([gz, gz])).equals(Buffer.concat([data, data])));
assert.throws(() => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('junk')])),
              { code: 'Z_DATA_ERROR', message: 'incorrect header check' });

// Corrupt data and too much output.
const bad = Buffer.from(gz);
bad[Math.floor(bad.length / 2)] ^= 0xff;
assert.throws(() => zlib.gunzipSync(bad), { code: /^Z_/ });
assert.throws(() => zlib.inflateSync(deflated, { maxOutputLength: 1000 }),
              { code: 'ERR_BUFFER_TOO_LARGE' });
assert.throws(() => zlib.inflateSync(deflated.subarray(0, deflated.length - 100)),
              { code: 'Z_BUF_ERROR' });

zlib.gunzip(gz, common.mustSucceed((out) => assert.ok(out.equals(data))));
zlib.inflate(deflated, common.mustSucceed((out) => assert.ok(out.equals(data))));
zlib.gunzip(bad, common.mustCall((err) => assert.match(err.code, /^Z_/)));
zlib.inflateRaw(raw, { maxOutputLength: 10 }, common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
}));
