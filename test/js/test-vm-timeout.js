'use strict';
// A timeout throws ERR_SCRIPT_EXECUTION_TIMEOUT, which the caller can catch
// and carry on.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

const check = { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' };
assert.throws(() => vm.runInNewContext('while (true) {}', {}, { timeout: 20 }), {
  code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
  message: 'Script execution timed out after 20ms',
});
assert.throws(() => vm.runInThisContext('for (;;);', { timeout: 10 }), check);
assert.throws(() => new vm.Script('do {} while (1)').runInContext(vm.createContext(), { timeout: 10 }), check);
// Catching inside the script does not stop the timeout.
assert.throws(() => vm.runInNewContext('for (;;) { try { while (true) {} } catch (e) {} }', {},
                                       { timeout: 10 }), check);

// Code that finishes in time is unaffected, and the caller keeps running.
assert.strictEqual(vm.runInNewContext('let s = 0; for (let i = 0; i < 100; i++) s += i; s', {},
                                      { timeout: 1000 }), 4950);
let after = 0;
for (let i = 0; i < 1000; i++) after++;
assert.strictEqual(after, 1000);
assert.throws(() => vm.runInNewContext('1', {}, { timeout: 0 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => vm.runInNewContext('1', {}, { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
