'use strict';
// An error thrown by an ES module's body prints like node: the file URL, line,
// source line and caret, then the error; exit code 1.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = path.join(__dirname, 'fixtures', 'esm', 'errors');
const url = pathToFileURL(path.join(dir, 'throws.mjs')).href;
const r = runChild(['throws.mjs'], { cwd: dir });
assert.strictEqual(r.status, 1);
assert.strictEqual(r.stdout, '');
assert.ok(r.stderr.startsWith(`${url}:2
throw new RangeError('thrown at top level');
      ^

RangeError: thrown at top level
    at ${url}:2:`), r.stderr);
