'use strict';
// Object.setPrototypeOf on a vm context's global object works as in node (jsdom
// does it): names on the new prototype resolve inside the context.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const ctx = vm.createContext({});
const global = vm.runInContext('this', ctx);
const proto = { hello() { return 'hi'; }, answer: 42 };
assert.strictEqual(Object.setPrototypeOf(global, proto), global);
assert.strictEqual(vm.runInContext('hello() + " " + answer', ctx), 'hi 42');
assert.strictEqual(vm.runInContext('typeof Object', ctx), 'function');
assert.strictEqual(global.answer, 42);
// Other objects still refuse what the engine refuses.
assert.throws(() => Object.setPrototypeOf(Object.prototype, {}), TypeError);
