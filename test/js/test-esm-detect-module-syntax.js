'use strict';
// a typeless .js file with import/export syntax runs as an ES module, also through require().
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'detect');
const r = runChild(['cjs.js'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `detected esm function undefined
cjs got 1
`);
assert.strictEqual(r.status, 0);
