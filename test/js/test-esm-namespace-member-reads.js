'use strict';
// `ns.name` reads of a namespace import see live values like the namespace does; method
// calls keep the namespace as `this`; writes and deletes still throw.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'ns-reads');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `0 1
true 1
2 function undefined undefined undefined
TypeError
TypeError
TypeError
count,inc,k,later 2 1
2 1 2
`);
assert.strictEqual(r.status, 0);
