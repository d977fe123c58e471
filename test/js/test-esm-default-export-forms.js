'use strict';
// default export forms and the names of anonymous default functions and classes.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'defaults');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `foo default Named default default 3
default hoisted default number
`);
assert.strictEqual(r.status, 0);
