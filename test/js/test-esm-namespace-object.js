'use strict';
// module namespace objects: null prototype, sorted keys, toStringTag, non-extensible, data descriptors.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'namespace');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `[Module: null prototype] {
  a: 'ay',
  b: 'bee',
  default: 'dflt',
  'string name': 'bee'
}
null false false true
[ 'a', 'b', 'default', 'string name', Symbol(Symbol.toStringTag) ]
{ value: 'bee', writable: true, enumerable: true, configurable: false }
Module [object Module]
false true undefined
false false true
false true
true false
{"a":"ay","b":"bee","default":"dflt","string name":"bee"} [ 'a', 'b', 'default', 'string name' ] 4
undefined undefined undefined undefined undefined
`);
assert.strictEqual(r.status, 0);
