'use strict';
// Duplex.toWeb() gives a readable/writable pair and Duplex.fromWeb() makes
// a Duplex of one.
const common = require('./common');
const assert = require('node:assert');
const { Duplex, PassThrough } = require('node:stream');

(async () => {
  const { readable, writable } = Duplex.toWeb(new PassThrough());
  const writer = writable.getWriter();
  writer.write(new Uint8Array([1, 2]));
  writer.close();
  const bytes = [];
  for await (const chunk of readable) bytes.push(...chunk);
  assert.deepStrictEqual(bytes, [1, 2]);

  const ts = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
  });
  const duplex = Duplex.fromWeb(ts, { encoding: 'utf8', objectMode: true });
  duplex.end('shout');
  let out = '';
  for await (const s of duplex) out += s;
  assert.strictEqual(out, 'SHOUT');
})().then(common.mustCall());
