'use strict';
// tee() gives two branches that each see every chunk; the source is
// cancelled only once both branches are, with both reasons.
const common = require('./common');
const assert = require('node:assert');
const { ReadableStream } = require('node:stream/web');

(async () => {
  const [a, b] = ReadableStream.from(['x', 'y']).tee();
  const ra = a.getReader();
  const rb = b.getReader();
  assert.deepStrictEqual(await ra.read(), { value: 'x', done: false });
  assert.deepStrictEqual(await ra.read(), { value: 'y', done: false });
  assert.deepStrictEqual(await rb.read(), { value: 'x', done: false });
  assert.deepStrictEqual(await rb.read(), { value: 'y', done: false });
  assert.deepStrictEqual(await rb.read(), { value: undefined, done: true });

  let reason;
  const source = new ReadableStream({ cancel(r) { reason = r; } });
  const [c, d] = source.tee();
  const p = c.cancel('one');
  assert.strictEqual(reason, undefined);
  await d.cancel('two');
  await p;
  assert.deepStrictEqual(reason, ['one', 'two']);

  // A byte stream tees into two byte streams with separate copies.
  const [e, f] = new ReadableStream({
    type: 'bytes',
    start(ctl) {
      ctl.enqueue(new Uint8Array([7, 8]));
      ctl.close();
    },
  }).tee();
  const re = e.getReader({ mode: 'byob' });
  const { value } = await re.read(new Uint8Array(4));
  assert.deepStrictEqual(value, new Uint8Array([7, 8]));
  const { value: other } = await f.getReader().read();
  assert.deepStrictEqual(other, new Uint8Array([7, 8]));
  assert.notStrictEqual(value.buffer, other.buffer);
})().then(common.mustCall());
