'use strict';
// vm.compileFunction: parameters, context extensions and a parsing context.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const add = vm.compileFunction('return a + b', ['a', 'b']);
assert.strictEqual(add(2, 3), 5);
assert.strictEqual(add.name, '');

const ext = vm.compileFunction('return x + y', [], { contextExtensions: [{ x: 1 }, { y: 2 }] });
assert.strictEqual(ext(), 3);

const ctx = vm.createContext({ base: 40 });
const inCtx = vm.compileFunction('return base + n', ['n'], { parsingContext: ctx });
assert.strictEqual(inCtx(2), 42);
assert.strictEqual(vm.compileFunction('return Array', [], { parsingContext: ctx })() === Array,
                   false);

assert.throws(() => vm.compileFunction(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "code" argument must be of type string. Received type number (1)',
});
assert.throws(() => vm.compileFunction('', [1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "params[0]" argument must be of type string. Received type number (1)',
});
assert.throws(() => vm.compileFunction('', [], { parsingContext: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "options\.parsingContext" property must be an instance of Context/,
});
assert.throws(() => vm.compileFunction('', [], { contextExtensions: [1] }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "options\.contextExtensions\[0\]" property must be of type object/,
});
assert.throws(() => vm.compileFunction('return (', []), SyntaxError);
