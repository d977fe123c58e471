'use strict';
// A WebAssembly.Module (made by the constructor, compile or instantiate) can be posted to a
// worker, which instantiates it; the Module constructor's statics and instanceof still work.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97,
  100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11,
]);
const fromConstructor = new WebAssembly.Module(bytes);
assert.ok(fromConstructor instanceof WebAssembly.Module);
assert.strictEqual(WebAssembly.Module.name, 'Module');
assert.deepStrictEqual(WebAssembly.Module.exports(fromConstructor).map((e) => [e.name, e.kind]),
                       [['add', 'function']]);

const worker = new Worker(`
  const { parentPort } = require('node:worker_threads');
  parentPort.on('message', ({ module, a, b }) => {
    const instance = new WebAssembly.Instance(module);
    parentPort.postMessage(instance.exports.add(a, b));
  });
`, { eval: true });
const results = [];
worker.on('message', common.mustCall((n) => {
  results.push(n);
  if (results.length === 2) {
    assert.deepStrictEqual(results, [30, 7]);
    worker.terminate();
  }
}, 2));
worker.postMessage({ module: fromConstructor, a: 10, b: 20 });
WebAssembly.compile(bytes).then(common.mustCall((module) => {
  worker.postMessage({ module, a: 3, b: 4 });
}));
