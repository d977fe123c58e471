'use strict';
// A relative specifier resolves against the importing file's own directory: the same
// './x.mjs' from files in different directories names different modules, and '..' and
// '.' segments land where the URL rules put them.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'reldirs');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'a(ax,shared) b(bx,shared) sub(subx,ax,bx) true hidden(ax)\n');
assert.strictEqual(r.status, 0);
