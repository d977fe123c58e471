'use strict';
// Worker validates its filename and options like node.
require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

assert.throws(() => new Worker('x.js'), {
  code: 'ERR_WORKER_PATH',
  name: 'TypeError',
});
assert.throws(() => new Worker(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new Worker(new URL('http://example.com/x.js')),
              { code: 'ERR_INVALID_URL_SCHEME' });
assert.throws(() => new Worker('0', { eval: true, execArgv: ['--foo'] }),
              { code: 'ERR_WORKER_INVALID_EXEC_ARGV' });
assert.throws(() => new Worker('0', { eval: true, env: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new Worker('0', { eval: true, argv: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
