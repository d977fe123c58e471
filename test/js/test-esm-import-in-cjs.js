'use strict';
// import() in CommonJS resolves to namespaces of ESM, CJS and builtins.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'dynimport');
const r = runChild(['main.cjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `true
[Module: null prototype] { default: [Function: default], v: 1 } esm default
[ 'default' ] object
function
`);
assert.strictEqual(r.status, 0);
