'use strict';
// Buffer.from / write / byteLength over every kind of string the engine keeps: one-byte
// (Latin-1) and two-byte, flat and joined (ropes), short and longer than the binding's
// stack copy, with lone surrogates; cairn reads the characters in place.
require('./common');
const assert = require('node:assert');

const latin = 'caf\u00e9 ' + 'x'.repeat(300);          // one-byte, longer than 256
const wide = '\u4e2d\u6587 \u{1F600} ' + 'y'.repeat(300);  // two-byte
const rope = 'file number ' + 42 + '\n';
const lone = 'a\ud800b\udc00c';
const cases = [
  ['', ''],
  ['plain', '706c61696e'],
  [rope, Buffer.from([...'file number 42\n'].map((c) => c.charCodeAt(0))).toString('hex')],
  [lone, '61efbfbd62efbfbd63'],
  ['\u00e9', 'c3a9'],
];
for (const [s, hex] of cases) {
  assert.strictEqual(Buffer.from(s).toString('hex'), hex, JSON.stringify(s));
  assert.strictEqual(Buffer.byteLength(s), hex.length / 2);
}
assert.strictEqual(Buffer.from(latin).length, 4 + 2 + 300);
assert.strictEqual(Buffer.from(latin).toString(), latin);
assert.strictEqual(Buffer.from(latin, 'latin1').length, latin.length);
assert.strictEqual(Buffer.from(latin, 'latin1')[3], 0xe9);
assert.strictEqual(Buffer.from(wide).toString(), wide);
assert.strictEqual(Buffer.byteLength(wide), 3 + 3 + 1 + 4 + 1 + 300);
assert.strictEqual(Buffer.from(wide, 'utf16le').length, wide.length * 2);
assert.strictEqual(Buffer.from(wide + rope).toString(), wide + rope);
const b = Buffer.alloc(8);
assert.strictEqual(b.write('ab' + 'cd' + '\u00e9', 1), 6);
assert.strictEqual(b.toString('hex'), '0061626364c3a900');
assert.strictEqual(Buffer.from('68' + '69', 'hex').toString(), 'hi');
assert.strictEqual(Buffer.from('aGk' + '=', 'base64').toString(), 'hi');
