'use strict';
// Symbol-keyed properties of a sandbox are properties of its context's global,
// read from outside (through the object `this` is inside) and from inside.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const sandbox = {};
vm.createContext(sandbox);
const global = vm.runInContext('this', sandbox);
const impl = Symbol('impl');
const other = Symbol('other');
sandbox[impl] = { kind: 'impl' };
assert.strictEqual(global[impl], sandbox[impl]);
assert.strictEqual(impl in global, true);
assert.strictEqual(global[other], undefined);

// Inside, through a symbol the sandbox holds.
sandbox.key = Symbol('registered');
sandbox[sandbox.key] = 42;
assert.strictEqual(vm.runInContext('globalThis[key]', sandbox), 42);

// A later change of the sandbox's value is seen.
sandbox[impl] = 'replaced';
assert.strictEqual(global[impl], 'replaced');
