'use strict';
// An .mts entry imports a .ts ES module (type module package) and uses top-level await.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript');
// cairn transforms enums, namespaces and parameter properties by default; node 22
// needs --experimental-transform-types for them.
const flags = process.versions.cairn ? [] : ['--experimental-transform-types', '--no-warnings'];

const r = runChild([...flags, 'esm/main.mts'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `High! 2 4 undefined true
42
`);
assert.strictEqual(r.status, 0);
