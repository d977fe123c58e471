'use strict';
// UTF-8 encoding of strings mixing ASCII runs of every length and alignment with 2-, 3- and
// 4-byte characters and lone surrogates: Buffer.from, TextEncoder.encode, byteLength and
// encodeInto into destinations too small give the bytes of a plain reference encoder.
const assert = require('node:assert');

function reference(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        const cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        out.push([0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63),
                  0x80 | (cp & 63)]);
        i++;
        continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    if (c < 0x80) out.push([c]);
    else if (c < 0x800) out.push([0xC0 | (c >> 6), 0x80 | (c & 63)]);
    else out.push([0xE0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]);
  }
  return out; // one entry per character (a surrogate pair is one)
}

let seed = 7;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const pieces = ['a', 'bcdefgh', 'ijklmnopqrstuvwxyz0123', 'é', 'ü', '世', '😀', '\ud800', '\udc00',
                'x'.repeat(17), '\u007f', '\u0080'];
const encoder = new TextEncoder();
for (let t = 0; t < 2000; t++) {
  let s = '';
  const n = 1 + Math.floor(rnd() * 40);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rnd() * pieces.length)];
  const chars = reference(s);
  const bytes = Buffer.from(chars.flat());
  assert.deepStrictEqual(Buffer.from(s), bytes, JSON.stringify(s));
  assert.deepStrictEqual(Buffer.from(encoder.encode(s)), bytes);
  assert.strictEqual(Buffer.byteLength(s), bytes.length);
  // encodeInto stops before the first character that does not fit whole
  const room = Math.floor(rnd() * (bytes.length + 2));
  const dest = new Uint8Array(room).fill(0xAA);
  const { read, written } = encoder.encodeInto(s, dest);
  let fit = 0;
  let units = 0;
  for (const c of chars) {
    if (fit + c.length > room) break;
    fit += c.length;
    units += c.length === 4 ? 2 : 1;
  }
  assert.strictEqual(written, fit);
  assert.strictEqual(read, units);
  assert.deepStrictEqual(Buffer.from(dest.subarray(0, fit)), bytes.subarray(0, fit));
  assert.ok(dest.subarray(fit).every((b) => b === 0xAA));
}
