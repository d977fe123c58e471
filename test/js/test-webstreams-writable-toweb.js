'use strict';
// Writable.toWeb() and Writable.fromWeb() bridge writes and end in both
// directions.
const common = require('./common');
const assert = require('node:assert');
const { Writable } = require('node:stream');

(async () => {
  const got = [];
  const nodeWritable = new Writable({
    write(chunk, encoding, cb) {
      got.push(chunk.toString());
      cb();
    },
  });
  const web = Writable.toWeb(nodeWritable);
  const writer = web.getWriter();
  await writer.write(new Uint8Array([104, 105]));
  await writer.close();
  assert.deepStrictEqual(got, ['hi']);

  const seen = [];
  const sink = new WritableStream({
    write(chunk) { seen.push(Buffer.from(chunk).toString()); },
  });
  const w = Writable.fromWeb(sink);
  w.write('abc');
  w.end('def');
  await new Promise((resolve) => w.on('finish', resolve));
  assert.deepStrictEqual(seen, ['abc', 'def']);
})().then(common.mustCall());
