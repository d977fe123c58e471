'use strict';
// A contextified object is the global scope of its context: reads of globals
// see its properties, assignments and declarations land on it.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const sandbox = { a: 1, pre: 'P' };
assert.strictEqual(vm.createContext(sandbox), sandbox);
assert.strictEqual(vm.runInContext('a + 1', sandbox), 2);

vm.runInContext('var x = 2; y = 3; this.w = 4; function f() { return x; } let z = 5;', sandbox);
assert.strictEqual(sandbox.x, 2);
assert.strictEqual(sandbox.y, 3);
assert.strictEqual(sandbox.w, 4);
assert.strictEqual(typeof sandbox.f, 'function');
assert.strictEqual(sandbox.f(), 2);
assert.strictEqual('z' in sandbox, false);
assert.strictEqual(vm.runInContext('z', sandbox), 5);

// A var of a name the sandbox already has reads the sandbox's value.
assert.strictEqual(vm.runInContext('var pre; pre', sandbox), 'P');

// Changes made outside are seen inside, also for names declared with var.
sandbox.x = 10;
sandbox.a = 'changed';
assert.strictEqual(vm.runInContext('x', sandbox), 10);
assert.strictEqual(vm.runInContext('a', sandbox), 'changed');

// Writes inside after a declaration keep both views in step.
vm.runInContext('x = 11', sandbox);
assert.strictEqual(sandbox.x, 11);
assert.strictEqual(vm.runInContext('x', sandbox), 11);

// Deleting a global deletes the sandbox property.
assert.strictEqual(vm.runInContext('delete a', sandbox), true);
assert.strictEqual('a' in sandbox, false);
assert.strictEqual(vm.runInContext('typeof a', sandbox), 'undefined');

// Undeclared names still throw ReferenceError (an error of the context).
assert.throws(() => vm.runInContext('notDefinedAnywhere', sandbox),
              (err) => err.name === 'ReferenceError' && !(err instanceof ReferenceError));

// The global object is not the sandbox, but enumerates its properties.
assert.notStrictEqual(vm.runInContext('this', sandbox), sandbox);
assert.deepStrictEqual([...vm.runInContext('Object.keys(globalThis)', sandbox)].sort(),
                       Object.keys(sandbox).sort());
