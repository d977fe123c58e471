'use strict';
// top-level await across several modules runs in the spec's async evaluation order.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'tla');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `a start
b start
sync
b end
c
a end
main c value
`);
assert.strictEqual(r.status, 0);
