'use strict';
// A context's global forwards to its sandbox live: names added to the sandbox
// after createContext() are globals inside, and writes made later by code of the
// context (callbacks, timers) land on the sandbox, also for names the scripts
// declared with var or function.
const common = require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const sandbox = { setTimeout };
vm.createContext(sandbox);

// Added after createContext().
sandbox.later = 'L';
assert.strictEqual(vm.runInContext('typeof later === "string" ? later : "missing"', sandbox), 'L');

// A var, then a write outside, then a function of the context reading it.
vm.runInContext('var count = 1; function readCount() { return count; }', sandbox);
assert.strictEqual(sandbox.count, 1);
sandbox.count = 5;
assert.strictEqual(sandbox.readCount(), 5);
assert.strictEqual(vm.runInContext('count', sandbox), 5);

// A function declaration replaced outside is what code inside calls.
vm.runInContext('function greet() { return "inside"; }', sandbox);
sandbox.greet = () => 'outside';
assert.strictEqual(vm.runInContext('greet()', sandbox), 'outside');

// A for-var loop leaves its final value on the sandbox.
vm.runInContext('var total = 0; for (var i = 0; i < 10; i++) total += i;', sandbox);
assert.strictEqual(sandbox.i, 10);
assert.strictEqual(sandbox.total, 45);

// var without an initializer does not create a sandbox property.
vm.runInContext('var declaredOnly;', sandbox);
assert.strictEqual(Object.hasOwn(sandbox, 'declaredOnly'), false);
assert.strictEqual(vm.runInContext('typeof declaredOnly', sandbox), 'undefined');

// Writes made later, from a function and from a timer of the context.
vm.runInContext('function bump() { count++; fresh = "F"; }', sandbox);
sandbox.bump();
assert.strictEqual(sandbox.count, 6);
assert.strictEqual(sandbox.fresh, 'F');
vm.runInContext('setTimeout(function () { count = 100; viaTimer = true; }, 1);', sandbox);
setTimeout(common.mustCall(() => {
  assert.strictEqual(sandbox.count, 100);
  assert.strictEqual(sandbox.viaTimer, true);
  assert.strictEqual(sandbox.readCount(), 100);
}), 20);

// The global's own view: `this.x` and the sandbox agree.
vm.runInContext('this.viaThis = 7', sandbox);
assert.strictEqual(sandbox.viaThis, 7);
sandbox.viaThis = 8;
assert.strictEqual(vm.runInContext('this.viaThis + viaThis', sandbox), 16);
