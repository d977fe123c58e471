'use strict';

// The global `console`: a plain object (not a Console instance, though
// `instanceof Console` holds) carrying every Console.prototype method bound
// to itself, writing to process.stdout / process.stderr, which are looked up
// on first use only.

const {
  Console,
  kBindStreamsLazy,
  kBindProperties,
} = require('internal/console/constructor');

const globalConsole = { __proto__: {} };

for (const key of Reflect.ownKeys(Console.prototype)) {
  if (key === 'constructor') continue;
  const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
  if (typeof desc.value === 'function') {
    desc.value = Function.prototype.bind.call(desc.value, globalConsole);
    if (typeof key === 'string') {
      Reflect.defineProperty(desc.value, 'name', { __proto__: null, value: key });
    }
  }
  Reflect.defineProperty(globalConsole, key, desc);
}

globalConsole[kBindProperties](true, 'auto');
globalConsole.Console = Console;

// Inspector-only methods: they print nothing without an attached inspector.
const inspectorMethods = {
  profile() {},
  profileEnd() {},
  timeStamp() {},
  context(name) {
    const context = {};
    for (const key of ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count',
                       'countReset', 'profile', 'profileEnd', 'timeLog', 'debug',
                       'error', 'info', 'log', 'warn', 'trace', 'group',
                       'groupCollapsed', 'assert', 'time', 'timeEnd', 'timeStamp']) {
      context[key] = { [key](data) {} }[key];
    }
    return context;
  },
  createTask() {
    const name = arguments[0];
    if (typeof name !== 'string' || name.length === 0) {
      throw new Error('First argument must be a non-empty string.');
    }
    return {
      run() {
        const fn = arguments[0];
        if (typeof fn !== 'function') {
          throw new Error('First argument must be a function.');
        }
        return fn();
      },
    };
  },
};
for (const key of Object.keys(inspectorMethods)) {
  globalConsole[key] = inspectorMethods[key];
}

globalConsole[kBindStreamsLazy](process);

module.exports = globalConsole;
