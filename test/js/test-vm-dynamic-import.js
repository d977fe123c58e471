'use strict';
// import() inside vm.runInThisContext code with importModuleDynamically:
// vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER resolves against the script's
// filename and loads through the ES module loader.
const common = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const vm = require('node:vm');

process.removeAllListeners('warning');
const filename = path.join(__dirname, 'fixtures', 'esm', 'vm', 'script.js');
const p = vm.runInThisContext('import("./dep.mjs")', {
  filename,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
assert.ok(p instanceof Promise);
p.then(common.mustCall((ns) => {
  assert.strictEqual(ns.x, 42);
  assert.strictEqual(ns[Symbol.toStringTag], 'Module');
}));
// a string that only mentions import is left alone
assert.strictEqual(vm.runInThisContext('"import(" + 1', {
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
}), 'import(1');
