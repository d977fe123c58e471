'use strict';
// Readable.toWeb() exposes a node Readable as a ReadableStream and
// Readable.fromWeb() turns it back.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  const web = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('cd')],
                                           { objectMode: false }));
  const chunks = [];
  for await (const chunk of web) {
    assert.ok(chunk instanceof Uint8Array);
    chunks.push(Buffer.from(chunk).toString());
  }
  assert.strictEqual(chunks.join(''), 'abcd');

  const back = Readable.fromWeb(ReadableStream.from(['x', 'y']), { encoding: 'utf8' });
  let text = '';
  for await (const s of back) text += s;
  assert.strictEqual(text, 'xy');

  const failing = Readable.fromWeb(new ReadableStream({
    start(c) { c.error(new Error('web failed')); },
  }));
  await assert.rejects(async () => {
    for await (const v of failing) assert.fail(v);
  }, /web failed/);
})().then(common.mustCall());
