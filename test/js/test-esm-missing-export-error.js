'use strict';
// A missing named export fails linking with node's SyntaxError, printed under
// the import's source line with the name underlined, and exit code 1.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = path.join(__dirname, 'fixtures', 'esm', 'errors');
const url = pathToFileURL(path.join(dir, 'missing-export.mjs')).href;
const r = runChild(['missing-export.mjs'], { cwd: dir });
assert.strictEqual(r.status, 1);
assert.strictEqual(r.stdout, '');
assert.ok(r.stderr.startsWith(`${url}:1
import { nothere } from './dep.mjs';
         ^^^^^^^
SyntaxError: The requested module './dep.mjs' does not provide an export named 'nothere'
`), r.stderr);
