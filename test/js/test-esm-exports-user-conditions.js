'use strict';
// -C adds a user condition to "exports" resolution.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'conditions');
const r = runChild(['-C', 'custom', 'main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `custom feature feature [Module: null prototype] { __esModule: true, default: 'custom' }
ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './private/x' is not defined by "exports" in ${dir}/node_modules/pkg/package.json imported from ${dir}/main.mjs
ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './missing' is not defined by "exports" in ${dir}/node_modules/pkg/package.json imported from ${dir}/main.mjs
ERR_MODULE_NOT_FOUND Cannot find module '${dir}/node_modules/pkg/lib/nope.mjs' imported from ${dir}/main.mjs
`);
assert.strictEqual(r.status, 0);
