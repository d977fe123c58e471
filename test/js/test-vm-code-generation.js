'use strict';
// codeGeneration.strings false forbids eval and new Function in the context.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const ctx = vm.createContext({}, { codeGeneration: { strings: false } });
const res = vm.runInContext('try { eval("1"); "ran" } catch (e) { e.name }', ctx);
assert.strictEqual(res, 'EvalError');
const res2 = vm.runInContext('try { new Function("return 1"); "ran" } catch (e) { e.name }', ctx);
assert.strictEqual(res2, 'EvalError');
assert.strictEqual(vm.runInNewContext('eval("1 + 1")'), 2);
assert.throws(() => vm.createContext({}, { codeGeneration: { strings: 1 } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.codeGeneration.strings" property must be of type boolean. ' +
    'Received type number (1)',
});
assert.throws(() => vm.createContext({}, { microtaskMode: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => vm.createContext(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(vm.isContext(ctx), true);
assert.strictEqual(vm.isContext({}), false);
assert.throws(() => vm.isContext(null), { code: 'ERR_INVALID_ARG_TYPE' });
