'use strict';
// The stream classes are globals, the same objects node:stream/web exports,
// and non-enumerable.
require('./common');
const assert = require('node:assert');
const web = require('node:stream/web');

for (const name of Object.keys(web)) {
  assert.strictEqual(globalThis[name], web[name], name);
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(desc.enumerable, false, name);
}
assert.strictEqual(Object.keys(web).length, 17);
