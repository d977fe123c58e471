'use strict';
// A worker's execArgv and env.NODE_OPTIONS are checked as node checks them.
require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const check = (options, message) => assert.throws(() => new Worker('', { eval: true, ...options }), {
  code: 'ERR_WORKER_INVALID_EXEC_ARGV', name: 'Error', message,
});
check({ execArgv: ['--title=x'] }, 'Initiated Worker with invalid execArgv flags: --title=x');
check({ execArgv: ['--require'] },
      'Initiated Worker with invalid execArgv flags: --require requires an argument');
check({ execArgv: ['--foo', '--bar=1'] },
      'Initiated Worker with invalid execArgv flags: --foo, --bar=1');
check({ env: { NODE_OPTIONS: '--no-warnings --nope' } },
      'Initiated Worker with invalid NODE_OPTIONS env variable: --nope is not allowed in NODE_OPTIONS');
new Worker('', { eval: true, execArgv: ['--no-warnings'], env: { NODE_OPTIONS: '--no-deprecation' } });
