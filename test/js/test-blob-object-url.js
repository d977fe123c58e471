'use strict';
// URL.createObjectURL() registers a blob that buffer.resolveObjectURL()
// finds until URL.revokeObjectURL().
const common = require('./common');
const assert = require('node:assert');
const { Blob, resolveObjectURL } = require('node:buffer');

(async () => {
  const url = URL.createObjectURL(new Blob(['hello'], { type: 'a/b' }));
  assert.match(url, /^blob:nodedata:[0-9a-f-]{36}$/);
  const again = resolveObjectURL(url);
  assert.strictEqual(again.type, 'a/b');
  assert.strictEqual(await again.text(), 'hello');
  URL.revokeObjectURL(url);
  assert.strictEqual(resolveObjectURL(url), undefined);
  assert.strictEqual(resolveObjectURL('blob:nodedata:1:wrong'), undefined);
  assert.throws(() => URL.createObjectURL('x'), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(common.mustCall());
