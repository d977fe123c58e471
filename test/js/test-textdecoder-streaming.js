'use strict';
// TextDecoder: stream option keeps partial sequences, fatal throws Node's
// error, the BOM is stripped once unless ignoreBOM, and utf-16 surrogates
// split across chunks are joined.
require('./common');
const assert = require('node:assert');

const d = new TextDecoder();
const bytes = Buffer.from('\ufeff€😀x');
let out = '';
for (const b of bytes) out += d.decode(new Uint8Array([b]), { stream: true });
out += d.decode();
assert.strictEqual(out, '€😀x');

assert.strictEqual(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), '\ufeff€😀x');
assert.strictEqual(new TextDecoder().decode(new Uint8Array([0x66, 0xed])), 'f\ufffd');
assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xc0])), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding utf-8',
});

const u16 = new TextDecoder('utf-16le');
const pair = Buffer.from('😀', 'utf16le');
assert.strictEqual(u16.decode(pair.subarray(0, 3), { stream: true }), '');
assert.strictEqual(u16.decode(pair.subarray(3)), '😀');
assert.strictEqual(new TextDecoder('utf-16le').decode(new Uint8Array([0x00, 0xd8])), '\ufffd');
assert.strictEqual(new TextDecoder('utf-16be').decode(new Uint8Array([0x00, 0x41])), 'A');
assert.throws(() => new TextDecoder('utf-8\u00a0'), { code: 'ERR_ENCODING_NOT_SUPPORTED' });
assert.strictEqual(new TextDecoder(' Latin1 ').encoding, 'windows-1252');
