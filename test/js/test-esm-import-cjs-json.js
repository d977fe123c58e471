'use strict';
// ESM importing CommonJS (default + lexer named exports, __esModule) and JSON, builtins with named exports.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'interop');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `{ a: 1, b: 'two', c: [ 3 ] } 1 two
[Module: null prototype] {
  a: 1,
  b: 'two',
  c: [ 3 ],
  default: { a: 1, b: 'two', c: [ 3 ] }
}
{ default: 'the default', named: 'named' } named
{ list: [ 1, 2 ], nested: { ok: true } }
function true function true
function called extra
`);
assert.strictEqual(r.status, 0);
