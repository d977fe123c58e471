'use strict';
// Top-level var and function declarations of a script run in a context are
// enumerable, non-configurable properties of its global, with or without a
// sandbox, and do not shadow the sandbox's later values.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const bare = vm.createContext(vm.constants.DONT_CONTEXTIFY);
vm.runInContext('var a = 1; function f() {} globalThis.b = 2;', bare);
assert.deepStrictEqual(Object.keys(bare).sort(), ['a', 'b', 'f']);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(bare, 'a'),
                       { value: 1, writable: true, enumerable: true, configurable: false });
assert.strictEqual(vm.runInContext('delete a', bare), false);

const sandbox = { s: 1 };
vm.createContext(sandbox);
const global = vm.runInContext('this', sandbox);
vm.runInContext('var q; function g() { return q; }', sandbox);
assert.deepStrictEqual(Object.keys(sandbox).sort(), ['g', 's']);
assert.strictEqual(Object.getOwnPropertyDescriptor(global, 'q').configurable, false);
assert.deepStrictEqual([...vm.runInContext('Object.keys(globalThis)', sandbox)].sort(),
                       ['g', 'q', 's']);
sandbox.q = 'set outside';
assert.strictEqual(sandbox.g(), 'set outside');

// Declarations nested in blocks, loops, switch, try and labels are top-level too.
vm.runInContext(`
  { var inBlock = 1; }
  for (var inFor = 0; inFor < 1; inFor++) ;
  for (var inForIn in { k: 1 }) ;
  switch (1) { case 1: var inSwitch = 1; }
  try { var inTry = 1; } catch { var inCatch = 1; } finally { var inFinally = 1; }
  label: { var inLabel = 1; }
  (function () { var inFunction = 1; })();
`, sandbox);
for (const name of ['inBlock', 'inFor', 'inForIn', 'inSwitch', 'inTry', 'inFinally', 'inLabel']) {
  assert.strictEqual(Object.hasOwn(sandbox, name), true, name);
}
assert.strictEqual(Object.hasOwn(sandbox, 'inCatch'), false);
assert.strictEqual(Object.hasOwn(sandbox, 'inFunction'), false);
sandbox.inFor = 'outside';
assert.strictEqual(vm.runInContext('inFor', sandbox), 'outside');
