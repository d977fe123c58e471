'use strict';
// zlib on 50 MB of text-like data: gzipSync of the whole buffer, gunzipSync of
// the result, and a streamed gzip (createGzip, 64 KB writes) of the same data.
const zlib = require('zlib');
const now = typeof performance === 'object' && typeof performance.now === 'function'
  ? () => performance.now()
  : () => Number(process.hrtime.bigint()) / 1e6;

const SIZE = 50 * 1024 * 1024;
// Text-like data: a 4000-word vocabulary of syllable words, picked with a
// Zipf-like skew by an LCG, so it compresses about 3:1, like prose or logs.
let seed = 12345;
function rand() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed >>> 8;
}
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'an', 'er', 'in', 'on',
  'st', 'th', 'qu', 'ex', 'pre', 'con', 'ing', 'ed', 'ly', 'ment', 'io', 'ur'];
const words = [];
for (let i = 0; i < 4000; i++) {
  let w = '';
  const n = 1 + (rand() % 4);
  for (let j = 0; j < n; j++) w += syllables[rand() % syllables.length];
  words.push(w);
}
// 4 MB of generated text, tiled: the period is far beyond deflate's 32 KB window.
const TILE = 4 * 1024 * 1024;
const tile = Buffer.allocUnsafe(TILE);
let pos = 0;
while (pos < TILE) {
  const r = rand() / 0x1000000;
  const w = words[Math.floor(r * r * r * words.length)];
  pos += tile.write(w, pos, 'latin1');
  if (pos < TILE) tile[pos++] = (rand() & 0xf) === 0 ? 10 : 32;
}
const buf = Buffer.allocUnsafe(SIZE);
for (let off = 0; off < SIZE; off += TILE) tile.copy(buf, off);

let t0 = now();
const gz = zlib.gzipSync(buf);
const gzipMs = now() - t0;

t0 = now();
const back = zlib.gunzipSync(gz);
const gunzipMs = now() - t0;
if (!back.equals(buf)) throw new Error('gzip round trip differs');

t0 = now();
const gzip = zlib.createGzip();
const parts = [];
gzip.on('data', (chunk) => { parts.push(chunk); });
gzip.on('end', () => {
  const streamMs = now() - t0;
  if (!zlib.gunzipSync(Buffer.concat(parts)).equals(buf)) {
    throw new Error('streamed gzip round trip differs');
  }
  console.log('RESULT zlib_gzip_sync ' + gzipMs.toFixed(3));
  console.log('RESULT zlib_gunzip_sync ' + gunzipMs.toFixed(3));
  console.log('RESULT zlib_gzip_stream ' + streamMs.toFixed(3));
});
const STEP = 64 * 1024;
let off = 0;
(function writeMore() {
  while (off < SIZE) {
    const chunk = buf.subarray(off, off + STEP);
    off += STEP;
    if (!gzip.write(chunk)) {
      gzip.once('drain', writeMore);
      return;
    }
  }
  gzip.end();
})();
