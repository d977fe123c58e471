'use strict';
// a module that throws rethrows the same error on re-import; query and hash make new instances.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'evalcache');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `bad runs once
first bad module
second same error true
true false false 1 2 3
`);
assert.strictEqual(r.status, 0);
