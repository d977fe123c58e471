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

const { BuiltinModule, options } = require('internal/bootstrap/realm');

// Defines globalThis[name] as require(id)[key] on first use; skipped while the
// module does not exist yet.
function defineLazy(name, id, key, enumerable = false) {
  if (!BuiltinModule.exists(id)) return;
  const load = () => (key === undefined ? require(id) : require(id)[key]);
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

// WebAssembly.compile/instantiate finish on the engine's own run loop (src/rt/runloop.c):
// while one is pending the process stays alive, as node waits for it.
// Modules remember their bytes so they can be posted to workers (internal/wasm_modules,
// loaded at the first compilation).
if (typeof WebAssembly === 'object') {
  const { engineWorkRef } = internalBinding('util');
  let wasmModules;
  const copyOf = (source) => (wasmModules ??= require('internal/wasm_modules')).copyOf(source);
  for (const name of ['compile', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    const wrapper = {
      [name](...args) {
        const bytes = copyOf(args[0]);
        const promise = Reflect.apply(original, this, args);
        engineWorkRef(1);
        promise.then((result) => {
          engineWorkRef(-1);
          wasmModules.remember(name === 'compile' ? result : result?.module, bytes);
        }, () => engineWorkRef(-1));
        return promise;
      },
    }[name];
    Object.defineProperty(wrapper, 'length', { value: original.length });
    Object.defineProperty(WebAssembly, name, { value: wrapper });
  }
  Object.defineProperty(WebAssembly, 'Module', {
    value: new Proxy(WebAssembly.Module, {
      construct(target, args, newTarget) {
        const bytes = copyOf(args[0]);
        const module = Reflect.construct(target, args, newTarget);
        wasmModules.remember(module, bytes);
        return module;
      },
    }),
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
defineLazy('console', 'console', undefined);
defineLazy('Buffer', 'buffer', 'Buffer');
defineLazy('atob', 'buffer', 'atob', true);
defineLazy('btoa', 'buffer', 'btoa', true);
defineLazy('URL', 'internal/url', 'URL');
defineLazy('URLSearchParams', 'internal/url', 'URLSearchParams');
defineLazy('TextEncoder', 'internal/encoding', 'TextEncoder');
defineLazy('TextDecoder', 'internal/encoding', 'TextDecoder');
defineLazy('EventTarget', 'internal/event_target', 'EventTarget');
defineLazy('Event', 'internal/event_target', 'Event');
defineLazy('CustomEvent', 'internal/event_target', 'CustomEvent');
defineLazy('AbortController', 'internal/abort_controller', 'AbortController');
defineLazy('AbortSignal', 'internal/abort_controller', 'AbortSignal');
defineLazy('DOMException', 'internal/per_context/domexception', 'DOMException');
defineLazy('MessageChannel', 'internal/worker/io', 'MessageChannel');
defineLazy('MessagePort', 'internal/worker/io', 'MessagePort');
defineLazy('MessageEvent', 'internal/worker/io', 'MessageEvent');
defineLazy('BroadcastChannel', 'internal/worker/io', 'BroadcastChannel');
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
  'ReadableStreamDefaultController']) {
  defineLazy(name, 'internal/webstreams/readablestream', name);
}
for (const name of ['WritableStream', 'WritableStreamDefaultWriter',
  'WritableStreamDefaultController']) {
  defineLazy(name, 'internal/webstreams/writablestream', name);
}
defineLazy('TransformStream', 'internal/webstreams/transformstream', 'TransformStream');
defineLazy('TransformStreamDefaultController', 'internal/webstreams/transformstream',
           'TransformStreamDefaultController');
defineLazy('ByteLengthQueuingStrategy', 'internal/webstreams/queuingstrategies',
           'ByteLengthQueuingStrategy');
defineLazy('CountQueuingStrategy', 'internal/webstreams/queuingstrategies',
           'CountQueuingStrategy');
defineLazy('TextEncoderStream', 'internal/webstreams/encoding', 'TextEncoderStream');
defineLazy('TextDecoderStream', 'internal/webstreams/encoding', 'TextDecoderStream');
defineLazy('CompressionStream', 'internal/webstreams/compression', 'CompressionStream');
defineLazy('DecompressionStream', 'internal/webstreams/compression', 'DecompressionStream');
defineLazy('Blob', 'internal/blob', 'Blob');
defineLazy('File', 'internal/blob', 'File');
if (!options.noFetch) {
  defineLazy('fetch', 'internal/fetch/fetch', 'fetch', true);
  defineLazy('Headers', 'internal/fetch/headers', 'Headers');
  defineLazy('Request', 'internal/fetch/request', 'Request');
  defineLazy('Response', 'internal/fetch/response', 'Response');
  defineLazy('FormData', 'internal/fetch/formdata', 'FormData');
}
if (!options.noWebsocket) defineLazy('WebSocket', 'internal/websocket/websocket', 'WebSocket');
defineLazy('structuredClone', 'internal/structured_clone', 'structuredClone', true);
defineLazy('performance', 'perf_hooks', 'performance', true);
defineLazy('navigator', 'internal/navigator', 'navigator', true);
if (!options.noGlobalWebcrypto) {
  defineLazy('crypto', 'internal/crypto/webcrypto', 'crypto', true);
  defineLazy('Crypto', 'internal/crypto/webcrypto', 'Crypto');
  defineLazy('CryptoKey', 'internal/crypto/webcrypto', 'CryptoKey');
  defineLazy('SubtleCrypto', 'internal/crypto/webcrypto', 'SubtleCrypto');
}

if (options.exposeGc) {
  // node's (V8's) gc(options): { type: 'minor' } (or true) collects young objects only;
  // { execution: 'async' } collects in a later task and answers a promise.
  const collect = internalBinding('process').gc;
  defineValue('gc', function gc(...args) {
    const opts = args[0];
    const minor = opts === true || (opts !== null && typeof opts === 'object' && opts.type === 'minor');
    if (opts !== null && typeof opts === 'object' && opts.execution === 'async') {
      return new Promise((resolve) => setTimeout(() => resolve(collect(minor)), 0));
    }
    collect(minor);
  }, false);
}
