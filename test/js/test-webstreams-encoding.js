'use strict';
// TextEncoderStream keeps a surrogate pair split across chunks together and
// TextDecoderStream decodes UTF-8 split across chunks.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream, TextEncoderStream, TextDecoderStream } = require('node:stream/web');

(async () => {
  const out = [];
  const source = ReadableStream.from(['h\ud83d', '\ude00i', '\u20ac']);
  for await (const s of source.pipeThrough(new TextEncoderStream())
    .pipeThrough(new TextDecoderStream())) {
    out.push(s);
  }
  assert.strictEqual(out.join(''), 'h\u{1f600}i\u20ac');

  const bytes = [];
  const lone = ReadableStream.from(['a\ud83d']).pipeThrough(new TextEncoderStream());
  for await (const chunk of lone) bytes.push(...chunk);
  assert.deepStrictEqual(bytes, [0x61, 0xef, 0xbf, 0xbd]);
})().then(common.mustCall());
