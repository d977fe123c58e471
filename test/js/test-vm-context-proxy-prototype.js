'use strict';
// Scripts run in a context whose global has a Proxy in its prototype chain (as
// jsdom's window has, for named elements), and names resolve through it.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

function namedProperties(names) {
  const target = Object.create(Object.prototype);
  const own = (p) => typeof p === 'string' && Object.hasOwn(names, p);
  return new Proxy(target, {
    getOwnPropertyDescriptor(t, p) {
      if (own(p)) return { value: names[p], writable: true, enumerable: false, configurable: true };
      return Reflect.getOwnPropertyDescriptor(t, p);
    },
    has(t, p) {
      return own(p) || Reflect.has(t, p);
    },
    get(t, p, receiver) {
      return own(p) ? names[p] : Reflect.get(t, p, receiver);
    },
  });
}

for (const make of [() => vm.createContext({ inSandbox: 1 }),
                    () => vm.createContext(vm.constants.DONT_CONTEXTIFY)]) {
  const context = make();
  const global = vm.runInContext('this', context);
  const proto = Object.create(namedProperties({ named: 'N' }));
  proto.fromProto = 'P';
  Object.setPrototypeOf(global, proto);
  assert.strictEqual(vm.runInContext('var v = 1; v + 1', context), 2);
  const named = vm.runInContext('typeof named === "string" ? named : "missing"', context);
  assert.strictEqual(named, 'N');
  assert.strictEqual(vm.runInContext('fromProto', context), 'P');
  assert.strictEqual(vm.runInContext('typeof hasOwnProperty', context), 'function');
  assert.strictEqual(vm.runInContext('typeof notThere', context), 'undefined');
}
