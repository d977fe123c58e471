'use strict';
// WebAssembly.compile/instantiate settle their promises (the engine finishes them on its own
// run loop), and a pending compilation keeps the process alive until it settles.
const common = require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97,
  100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11,
]);

WebAssembly.instantiate(bytes).then(common.mustCall(({ instance }) => {
  assert.strictEqual(instance.exports.add(2, 3), 5);
}));
WebAssembly.compile(new Uint8Array([1, 2, 3])).then(common.mustNotCall(), common.mustCall((e) => {
  assert.strictEqual(e.name, 'CompileError');
}));

// Nothing else keeps this child alive while its compilation runs.
const child = spawnSync(process.execPath, ['-e', `
  WebAssembly.compile(new Uint8Array([${bytes}]))
    .then((m) => WebAssembly.instantiate(m))
    .then((i) => console.log('add', i.exports.add(40, 2)));
`], { encoding: 'utf8' });
assert.strictEqual(child.stderr, '');
assert.strictEqual(child.stdout, 'add 42\n');
assert.strictEqual(child.status, 0);
