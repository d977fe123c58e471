'use strict';
// Each context has its own builtins; objects pass freely between contexts.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

assert.notStrictEqual(vm.runInNewContext('Array'), Array);
assert.notStrictEqual(vm.runInNewContext('Object.prototype'), Object.prototype);

const arr = vm.runInNewContext('[1, 2, 3]');
assert.strictEqual(arr instanceof Array, false);
assert.strictEqual(Array.isArray(arr), true);
assert.deepStrictEqual([...arr], [1, 2, 3]);

// Inside, values from outside are not instances of the inner builtins.
const outer = [1];
assert.strictEqual(vm.runInNewContext('v instanceof Array', { v: outer }), false);
assert.strictEqual(vm.runInNewContext('[] instanceof Array'), true);

// Functions made in a context keep working after the run, on their context.
const ctx = vm.createContext({ n: 1 });
const inc = vm.runInContext('(function () { return ++n; })', ctx);
assert.strictEqual(inc(), 2);
assert.strictEqual(ctx.n, 2);

// Errors thrown inside are the context's error objects.
const err = (() => {
  try {
    vm.runInNewContext('throw new TypeError("inner")');
  } catch (e) {
    return e;
  }
})();
assert.strictEqual(err.message, 'inner');
assert.strictEqual(err.name, 'TypeError');
assert.strictEqual(err instanceof TypeError, false);

// Two contexts do not share globals.
const a = vm.createContext({});
const b = vm.createContext({});
vm.runInContext('var shared = 1', a);
assert.strictEqual(vm.runInContext('typeof shared', b), 'undefined');
