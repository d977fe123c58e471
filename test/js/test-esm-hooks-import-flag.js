'use strict';
// --import of a module that calls module.register(): the main module (ES or
// CommonJS) and everything imported after it go through the hooks.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'hooks');
let r = runChild(['--import', './register-upper.mjs', 'main-hooked.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'HELLO FROM MAIN cjs dep\n');
assert.strictEqual(r.status, 0);

r = runChild(['--import', './register-upper.mjs', 'main-hooked.cjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'hello from main (cjs) function\nHELLO FROM MAIN cjs dep\n');
assert.strictEqual(r.status, 0);

// without the hooks
r = runChild(['main-hooked.mjs'], { cwd: dir });
assert.strictEqual(r.stdout, 'hello from main cjs dep\n');
