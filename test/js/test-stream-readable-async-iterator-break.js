'use strict';
// Leaving a for-await loop early destroys the stream; an error in the
// stream rejects the loop.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  const r = Readable.from([1, 2, 3]);
  for await (const v of r) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(r.destroyed, true);

  const bad = new Readable({
    read() {
      this.destroy(new Error('kaboom'));
    },
  });
  await assert.rejects(async () => {
    for await (const v of bad) assert.fail(`got ${v}`);
  }, { message: 'kaboom' });
})().then(common.mustCall());
