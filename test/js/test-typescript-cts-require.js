'use strict';
// A .cts entry requires a .cts module that uses import = require() and export =.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript');
// cairn transforms enums, namespaces and parameter properties by default; node 22
// needs --experimental-transform-types for them.
const flags = process.versions.cairn ? [] : ['--experimental-transform-types', '--no-warnings'];

const r = runChild([...flags, 'cjs/main.cts'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `hello ts a/b Greeter { name: 'ts' }
object object true
`);
assert.strictEqual(r.status, 0);
