'use strict';
// util.getSystemErrorName and util.getSystemErrorMap come from libuv's table.
require('./common');
const assert = require('node:assert');
const util = require('node:util');
const os = require('node:os');

assert.strictEqual(util.getSystemErrorName(-os.constants.errno.ENOENT), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(-os.constants.errno.EACCES), 'EACCES');
const map = util.getSystemErrorMap();
assert.ok(map instanceof Map);
assert.deepStrictEqual(map.get(-os.constants.errno.ENOENT),
                       ['ENOENT', 'no such file or directory']);
assert.match(util.getSystemErrorName(-99999), /^Unknown system error -99999$/);
assert.throws(() => util.getSystemErrorName(2), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => util.getSystemErrorName('x'), { code: 'ERR_INVALID_ARG_TYPE' });
