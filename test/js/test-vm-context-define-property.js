'use strict';
// Properties defined on a context's global by code inside the context
// (Object.defineProperty, Object.defineProperties, Reflect.defineProperty) are
// defined on the sandbox too.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const sandbox = {};
vm.createContext(sandbox);
vm.runInContext(`
  Object.defineProperty(globalThis, 'data', {
    value: 1, writable: true, enumerable: true, configurable: true,
  });
  Object.defineProperty(this, 'accessor', { get() { return 2; }, configurable: true });
  Object.defineProperties(globalThis, { many: { value: 3, configurable: true } });
  Reflect.defineProperty(globalThis, 'reflected', { value: 4, configurable: true });
  Object.defineProperty({}, 'notGlobal', { value: 5 });
`, sandbox);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(sandbox, 'data'),
                       { value: 1, writable: true, enumerable: true, configurable: true });
assert.strictEqual(sandbox.accessor, 2);
assert.strictEqual(sandbox.many, 3);
assert.strictEqual(sandbox.reflected, 4);
assert.strictEqual('notGlobal' in sandbox, false);
assert.strictEqual(vm.runInContext('data + accessor + many + reflected', sandbox), 10);

// The builtins still behave as themselves.
assert.strictEqual(vm.runInContext('Object.defineProperty.name', sandbox), 'defineProperty');
assert.strictEqual(vm.runInContext('Object.defineProperty.length', sandbox), 3);
assert.strictEqual(
  vm.runInContext('try { Object.defineProperty(1, "x", {}); } catch (e) { e instanceof TypeError }',
                  sandbox),
  true);
