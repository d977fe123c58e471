'use strict';
// imports are live bindings and cannot be assigned.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'live');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `0 0
2 2 2
TypeError
TypeError
`);
assert.strictEqual(r.status, 0);
