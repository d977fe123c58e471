'use strict';
// --import preloads ES and CommonJS modules before a CommonJS main.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'preload');
const r = runChild(['--import', './pre.mjs', '--import', './pre.cjs', 'main.cjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `[ 'esm', 'cjs' ] function
`);
assert.strictEqual(r.status, 0);
