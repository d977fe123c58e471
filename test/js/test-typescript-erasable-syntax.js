'use strict';
// Erasable TypeScript (types, interfaces, generics, overloads, as/satisfies/!) runs as stripped JavaScript.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript');
// cairn transforms enums, namespaces and parameter properties by default; node 22
// needs --experimental-transform-types for them.
const flags = process.versions.cairn ? [] : ['--experimental-transform-types', '--no-warnings'];

const r = runChild(['esm/erasable.ts'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `id 2 true 3
circle with area 3.14 1 2
1 1b1 8 m 1
3 1 { a: 1 } null 2 i { a: 1 } true
7 [ [ 1 ] ] SyntaxError [ 1, 'a' ] a/b
async 5
`);
assert.strictEqual(r.status, 0);
