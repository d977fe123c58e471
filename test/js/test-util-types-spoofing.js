'use strict';
// util.types checks use the engine's object types: Symbol.toStringTag and
// prototype changes do not fool them.
require('./common');
const assert = require('node:assert');
const { types } = require('node:util');

const fakes = {
  isMap: { [Symbol.toStringTag]: 'Map' },
  isSet: Object.create(Set.prototype),
  isDate: Object.create(Date.prototype),
  isRegExp: { [Symbol.toStringTag]: 'RegExp' },
  isPromise: { then() {}, [Symbol.toStringTag]: 'Promise' },
  isUint8Array: { [Symbol.toStringTag]: 'Uint8Array' },
  isNativeError: Object.create(Error.prototype),
  isArgumentsObject: { [Symbol.toStringTag]: 'Arguments', length: 0 },
  isNumberObject: Object.create(Number.prototype),
  isGeneratorObject: { [Symbol.toStringTag]: 'Generator' },
  isWeakMap: Object.create(WeakMap.prototype),
};
for (const [name, fake] of Object.entries(fakes)) {
  assert.strictEqual(types[name](fake), false, name);
}
const real = {
  isMap: Object.setPrototypeOf(new Map(), null),
  isSet: Object.setPrototypeOf(new Set(), Array.prototype),
  isDate: Object.setPrototypeOf(new Date(), null),
  isRegExp: Object.setPrototypeOf(/x/, null),
  isPromise: Object.setPrototypeOf(Promise.resolve(), null),
  isUint8Array: Object.setPrototypeOf(new Uint8Array(1), ArrayBuffer.prototype),
  isNativeError: Object.setPrototypeOf(new TypeError(), null),
  isArgumentsObject: new Function('return arguments')(),
  isNumberObject: Object.setPrototypeOf(new Number(1), null),
  isSymbolObject: Object(Symbol('s')),
  isBigIntObject: Object(1n),
  isGeneratorObject: (function* () {})(),
  isAsyncFunction: async () => {},
  isGeneratorFunction: function* () {},
  isMapIterator: new Map().keys(),
  isSetIterator: new Set().values(),
};
for (const [name, value] of Object.entries(real)) {
  assert.strictEqual(types[name](value), true, name);
}
assert.strictEqual(types.isSymbolObject(JSON), false);
assert.strictEqual(types.isBigIntObject(Math), false);
assert.strictEqual(types.isAsyncFunction(({ async() {} }).async), false);
assert.strictEqual(types.isAsyncFunction((async () => {}).bind()), false);
assert.strictEqual(types.isBoxedPrimitive(Object(Symbol())), true);
