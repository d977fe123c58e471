'use strict';
// Exported consts and functions in an import cycle: consts stay in their TDZ until
// their module has run, functions are there at once, lets stay live.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'settled');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `a ReferenceError
nsA.a ReferenceError
nsA.default ReferenceError
fa fa
Afa42 1
2
42 A fa 2
`);
assert.strictEqual(r.status, 0);
