'use strict';
// A main module whose top-level await never settles: node's warning with the
// await's location, exit code 13 (seen by 'exit' listeners) unless exitCode is set.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const dir = path.join(__dirname, 'fixtures', 'esm', 'unsettled');
const url = pathToFileURL(path.join(dir, 'dep.mjs')).href;
let r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.status, 13);
assert.strictEqual(r.stdout, 'waiting\nexit 13 13\n');
assert.strictEqual(r.stderr, `Warning: Detected unsettled top-level await at ${url}:3
await new Promise(() => {});
^



`);

r = runChild(['exit-code.mjs'], { cwd: dir });
assert.strictEqual(r.status, 3);
assert.strictEqual(r.stderr, '');
