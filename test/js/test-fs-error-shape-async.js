'use strict';
// Callback errors have the sync shape, arrive asynchronously, and `this` is undefined.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');

let sync = true;
fs.stat('/no/such/cairn/path', common.mustCall(function(err, stats) {
  assert.strictEqual(sync, false);
  assert.strictEqual(this, undefined);
  assert.strictEqual(stats, undefined);
  assert.strictEqual(err.message, "ENOENT: no such file or directory, stat '/no/such/cairn/path'");
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'stat');
}));
sync = false;

// Bad arguments throw synchronously instead of reaching the callback.
assert.throws(() => fs.stat(42, common.mustNotCall()), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.stat('x'), { code: 'ERR_INVALID_ARG_TYPE', message: /"cb" argument/ });
assert.throws(() => fs.readFile('a\u0000b', common.mustNotCall()),
              { code: 'ERR_INVALID_ARG_VALUE' });
