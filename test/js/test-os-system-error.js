'use strict';
// os functions report libuv failures as ERR_SYSTEM_ERROR with an info object.
require('./common');
const assert = require('node:assert');
const os = require('node:os');

assert.throws(() => os.getPriority(-1), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.message,
                     'A system error occurred: uv_os_getpriority returned ESRCH (no such process)');
  assert.deepStrictEqual({ ...err.info }, {
    errno: os.constants.errno.ESRCH * -1,
    code: 'ESRCH',
    message: 'no such process',
    syscall: 'uv_os_getpriority',
  });
  assert.strictEqual(err.syscall, 'uv_os_getpriority');
  return true;
});
assert.throws(() => os.setPriority(0, 20), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => os.getPriority('1'), { code: 'ERR_INVALID_ARG_TYPE' });
