'use strict';
// UTF-8 encode/decode follows the WHATWG rules byte for byte: lone surrogates
// encode as EF BF BD, and each maximal invalid subpart decodes to one U+FFFD.
require('./common');
const assert = require('node:assert');

assert.strictEqual(Buffer.from('a\ud800b').toString('hex'), '61efbfbd62');
assert.strictEqual(Buffer.from('\udc00').toString('hex'), 'efbfbd');
assert.strictEqual(Buffer.from('\ud83d\ude00').toString('hex'), 'f09f9880');
assert.strictEqual(Buffer.byteLength('a\ud800b'), 5);

const cases = [
  [[0xe2, 0x82], '\ufffd'],
  [[0xe2, 0x82, 0x41], '\ufffdA'],
  [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
  [[0xc0, 0x80], '\ufffd\ufffd'],
  [[0xf0, 0x9f, 0x98], '\ufffd'],
  [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
  [[0x80, 0x41], '\ufffdA'],
  [[0xf0, 0x9f, 0x98, 0x80], '\ud83d\ude00'],
];
for (const [bytes, expected] of cases) {
  assert.strictEqual(Buffer.from(bytes).toString(), expected, bytes.join());
}

// A large decode (takes the bulk string path) with characters that need care.
const unit = 'x"\\\n\t\u0000é€😀';
const big = unit.repeat(5000);
assert.strictEqual(Buffer.from(big).toString(), big);
assert.strictEqual(Buffer.from(big, 'latin1').toString('latin1'),
                   Buffer.from(big, 'latin1').toString('latin1'));
assert.strictEqual(Buffer.from(big, 'utf16le').toString('utf16le'), big);
