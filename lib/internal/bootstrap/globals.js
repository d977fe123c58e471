'use strict';
// The globals node defines, installed lazily: a getter that loads its module on
// first use and then becomes a plain writable property.

const { queueMicrotask } = require('internal/process/task_queues');
const timers = require('timers');

function defineValue(name, value, enumerable = true) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable, configurable: true,
  });
}

function defineLazy(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = load();
      defineValue(name, value, enumerable);
      return value;
    },
    set(value) {
      defineValue(name, value, enumerable);
    },
    enumerable,
    configurable: true,
  });
}

defineValue('global', globalThis, false);
defineValue('setTimeout', timers.setTimeout);
defineValue('clearTimeout', timers.clearTimeout);
defineValue('setInterval', timers.setInterval);
defineValue('clearInterval', timers.clearInterval);
defineValue('setImmediate', timers.setImmediate);
defineValue('clearImmediate', timers.clearImmediate);
defineValue('queueMicrotask', queueMicrotask);

// The engine has a console of its own: node's replaces it.
defineLazy('console', () => require('console'));
defineLazy('Buffer', () => require('buffer').Buffer);
defineLazy('atob', () => require('buffer').atob, true);
defineLazy('btoa', () => require('buffer').btoa, true);
defineLazy('URL', () => require('internal/url').URL);
defineLazy('URLSearchParams', () => require('internal/url').URLSearchParams);
defineLazy('TextEncoder', () => require('internal/encoding').TextEncoder);
defineLazy('TextDecoder', () => require('internal/encoding').TextDecoder);
defineLazy('EventTarget', () => require('internal/event_target').EventTarget);
defineLazy('Event', () => require('internal/event_target').Event);
defineLazy('CustomEvent', () => require('internal/event_target').CustomEvent);
defineLazy('AbortController', () => require('internal/abort_controller').AbortController);
defineLazy('AbortSignal', () => require('internal/abort_controller').AbortSignal);
defineLazy('DOMException', () => require('internal/per_context/domexception').DOMException);
defineLazy('structuredClone', () => require('internal/structured_clone').structuredClone, true);
defineLazy('performance', () => require('perf_hooks').performance, true);
defineLazy('navigator', () => require('internal/navigator').navigator, true);

const { options } = require('internal/bootstrap/realm');
if (options.exposeGc) defineValue('gc', internalBinding('process').gc, false);
