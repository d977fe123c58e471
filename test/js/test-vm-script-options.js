'use strict';
// vm.Script validates its options like node and keeps cached-data bookkeeping.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

assert.throws(() => new vm.Script('1', { filename: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.filename" property must be of type string. Received type number (1)',
});
assert.throws(() => new vm.Script('1', 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new vm.Script('1', { lineOffset: 1.5 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => new vm.Script('1', { cachedData: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new vm.Script('1').runInContext({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "contextifiedObject" argument must be an vm\.Context/,
});
assert.throws(() => vm.runInThisContext('1', { displayErrors: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });

assert.deepStrictEqual(Object.keys(new vm.Script('1')), ['sourceMapURL']);
assert.strictEqual(new vm.Script('1\n//# sourceMappingURL=foo.map').sourceMapURL, 'foo.map');

const produced = new vm.Script('1 + 1', { produceCachedData: true });
assert.strictEqual(produced.cachedDataProduced, true);
assert.ok(Buffer.isBuffer(produced.cachedData));
const data = produced.createCachedData();
assert.ok(Buffer.isBuffer(data));
assert.strictEqual(new vm.Script('1 + 1', { cachedData: data }).cachedDataRejected, false);
assert.strictEqual(new vm.Script('x + 1000', { cachedData: Buffer.alloc(100, 1) }).cachedDataRejected,
                   true);
const other = new vm.Script('aaaa').createCachedData();
assert.strictEqual(new vm.Script('bb', { cachedData: other }).cachedDataRejected, true);

// Options given as a string name the file; lineOffset moves reported lines.
const err = (() => {
  try {
    vm.runInThisContext('\n\nthrow new Error("here")', { filename: 'lines.js', lineOffset: 10 });
  } catch (e) {
    return e;
  }
})();
assert.match(err.stack, /lines\.js:13/);
assert.strictEqual(vm.runInThisContext('typeof require', 'x.js'), 'undefined');
