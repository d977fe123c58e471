'use strict';
// package "exports"/"imports" resolve with the import conditions; patterns, null targets, unexported subpaths.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'conditions');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `esm feature feature cjs
ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './private/x' is not defined by "exports" in ${dir}/node_modules/pkg/package.json imported from ${dir}/main.mjs
ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './missing' is not defined by "exports" in ${dir}/node_modules/pkg/package.json imported from ${dir}/main.mjs
ERR_MODULE_NOT_FOUND Cannot find module '${dir}/node_modules/pkg/lib/nope.mjs' imported from ${dir}/main.mjs
`);
assert.strictEqual(r.status, 0);
