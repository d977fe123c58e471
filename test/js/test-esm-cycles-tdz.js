'use strict';
// import cycles: hoisted functions work across the cycle, let/const read early throw ReferenceError.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'cycles');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `b runs, hoisted a says A
a runs, b says B
A B
tdz-b reads value
ReferenceError
`);
assert.strictEqual(r.status, 0);
