'use strict';
// Decoding large text (the sizes where the string is made by a different route): lines with
// control characters, quotes, backslashes, NUL, Latin-1 and astral characters come back
// exactly, through toString, latin1/ascii, TextDecoder and string_decoder.
require('./common');
const assert = require('node:assert');
const { StringDecoder } = require('node:string_decoder');

const pieces = ['plain ascii words ', 'tab\there ', 'quote " and \\ backslash ', 'nul \0 ',
                'caf\u00e9 ', 'snow \u2603 ', 'astral \u{1F600} ', 'cr\r\n', 'line\n'];
function text(units) {
  let s = '';
  for (let i = 0; s.length < units; i++) s += pieces[i % pieces.length];
  return s.slice(0, units).replace(/[\uD800-\uDBFF]$/, 'x');
}

for (const units of [100, 4095, 4096, 4097, 20000, 1 << 20]) {
  for (const only of [null, 'plain ascii words ', 'line\n', 'quote " and \\ backslash ']) {
    const s = only === null ? text(units) : only.repeat(Math.ceil(units / only.length)).slice(0, units);
    const buf = Buffer.from(s);
    assert.strictEqual(buf.toString(), s);
    assert.strictEqual(buf.toString('utf8', 1), s.slice(1)); // every case starts with ASCII
    assert.strictEqual(new TextDecoder().decode(buf), s);
    const dec = new StringDecoder('utf8');
    assert.strictEqual(dec.write(buf.subarray(0, 1000)) + dec.end(buf.subarray(1000)), s);
    const bytes = Buffer.from(s, 'latin1');
    const latin = bytes.toString('latin1');
    assert.strictEqual(latin.length, s.length);
    assert.strictEqual(latin, Buffer.from(latin, 'latin1').toString('latin1'));
    assert.strictEqual(bytes.toString('ascii'),
                       latin.replace(/[\x80-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0x7f)));
  }
}
