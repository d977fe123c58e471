'use strict';
// Enums, namespaces and parameter properties are transformed like tsc does.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript');
// cairn transforms enums, namespaces and parameter properties by default; node 22
// needs --experimental-transform-types for them.
const flags = process.versions.cairn ? [] : ['--experimental-transform-types', '--no-warnings'];

const r = runChild([...flags, 'cjs/transforms.ts'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `{
  '0': 'Red',
  '4': 'Blue',
  '5': 'Mix',
  Red: 0,
  Green: 'g',
  Blue: 4,
  Cyan: 5,
  Mix: 5,
  Neg: -5,
  '-5': 'Neg',
  Str: 's'
} 5 Blue 3 1
{ '4': 'X', '8': 'Y', '9': 'quoted key', X: 4, Y: 8, 'quoted key': 9 } { '1': 'First', '2': 'Second', First: 1, Second: 2 }
11 12 2 1
5 Vec { x: 1, y: 1 } { X: 'x', Y: 'y' } { deep: 2 }
{ unit: 1, counter: 0 } 2 [
  'Axis',      'Inner',
  'Vec',       'bump',
  'counter',   'more',
  'shorthand', 'unit'
] leaf
in ctor 7 t
hi x! Derived { tag: 't', id: 7, tag2: 't', extra: 'field' }
undefined
`);
assert.strictEqual(r.status, 0);
