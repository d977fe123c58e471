'use strict';
// stream.isReadable/isErrored/isDisturbed report on web streams.
const common = require('./common');
const assert = require('node:assert');
const { isReadable, isErrored, isDisturbed } = require('node:stream');

(async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue(1); } });
  assert.strictEqual(isReadable(rs), true);
  assert.strictEqual(isDisturbed(rs), false);
  assert.strictEqual(isErrored(rs), false);
  await rs.getReader().read();
  assert.strictEqual(isDisturbed(rs), true);

  const bad = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  assert.strictEqual(isErrored(bad), true);
  assert.strictEqual(isReadable(bad), false);
})().then(common.mustCall());
