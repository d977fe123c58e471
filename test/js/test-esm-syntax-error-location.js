'use strict';
// A SyntaxError in an ES module names the file URL and line, with a caret, and
// nothing of the module runs.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = path.join(__dirname, 'fixtures', 'esm', 'errors');
const url = pathToFileURL(path.join(dir, 'syntax.mjs')).href;
const r = runChild(['syntax.mjs'], { cwd: dir });
assert.strictEqual(r.status, 1);
assert.strictEqual(r.stdout, '');
assert.ok(r.stderr.startsWith(`${url}:2
const bad = ;
            ^

SyntaxError: Unexpected token ';'
`), r.stderr);
