'use strict';
// package.json "exports" and "imports": conditions, subpath patterns, null
// targets, self-reference, and --conditions (-C).
const assert = require('node:assert');
const path = require('node:path');
const { runChild } = require('./common');

const check = path.join(__dirname, 'fixtures', 'pkg-exports', 'check.js');
let r = runChild([check]);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'default\n');
r = runChild(['-C', 'my-condition', check]);
assert.strictEqual(r.stdout, 'custom\n');
r = runChild(['--conditions=my-condition', check]);
assert.strictEqual(r.stdout, 'custom\n');
