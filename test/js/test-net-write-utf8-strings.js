'use strict';
// Strings written to a socket arrive as their UTF-8 bytes: ASCII runs of every length and
// alignment mixed with 2-, 3- and 4-byte characters and lone surrogates (U+FFFD), from
// empty strings to ones past 64 KiB.
const common = require('./common');
const assert = require('node:assert');
const net = require('node:net');

let seed = 11;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const pieces = ['a', 'bcdefgh', 'ijklmnopq', 'é', '世', '😀', '\ud800', '\udfff', '\u007f',
                '\u0080', 'x'.repeat(23)];
const strings = [''];
for (let t = 0; t < 300; t++) {
  let s = '';
  const n = Math.floor(rnd() * 30);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rnd() * pieces.length)];
  strings.push(s);
}
strings.push('y'.repeat(70000) + '😀', 'é'.repeat(30000), 'z'.repeat(65536));

function utf8(s) {
  const out = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0);
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xC0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}
const expected = Buffer.from(strings.flatMap(utf8));

const server = net.createServer(common.mustCall((sock) => {
  const chunks = [];
  sock.on('data', (c) => chunks.push(c));
  sock.on('end', common.mustCall(() => {
    const got = Buffer.concat(chunks);
    assert.strictEqual(got.length, expected.length);
    assert.ok(got.equals(expected));
    server.close();
  }));
}));
server.listen(0, common.mustCall(() => {
  // One write at a time, so that each string goes to the handle as a string
  // (queued ones would be joined into buffers first).
  const c = net.connect(server.address().port, common.mustCall(() => {
    let i = 0;
    const next = () => {
      if (i === strings.length) c.end();
      else c.write(strings[i++], 'utf8', next);
    };
    next();
  }));
}));
