'use strict';
// require() of an ES module returns its namespace (__esModule with a default), ERR_REQUIRE_ASYNC_MODULE with top-level await.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'requireesm');
const r = runChild(['main.cjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `[Module: null prototype] {
  __esModule: true,
  default: [Function: hello],
  x: 1
} true
[Module: null prototype] { y: 2, z: [Function: z] } false false
true
ERR_REQUIRE_ASYNC_MODULE
caught esm threw
`);
assert.strictEqual(r.status, 0);
