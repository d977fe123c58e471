'use strict';
// atob/btoa validate like the WHATWG forgiving-base64 algorithm.
require('./common');
const assert = require('node:assert');

assert.strictEqual(btoa('\u00ff\u0000a'), '/wBh');
assert.strictEqual(atob(' Y Q = = '), 'a');
assert.strictEqual(atob('YQ'), 'a');
assert.strictEqual(atob('/wBh'), '\u00ff\u0000a');
for (const bad of ['Y', 'YQ===', 'Y=Q', '####', 'YQ=']) {
  assert.throws(() => atob(bad), { name: 'InvalidCharacterError' }, bad);
}
assert.throws(() => btoa('\u0100'), { name: 'InvalidCharacterError' });
assert.throws(() => atob(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(atob(null), '\u009e\u00e9e');
