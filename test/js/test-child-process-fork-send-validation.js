'use strict';
// send() validates the message before writing anything.
const common = require('./common');
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') return;

const child = fork(__filename, ['child']);
assert.throws(() => child.send(), { code: 'ERR_MISSING_ARGS', name: 'TypeError' });
assert.throws(() => child.send(Symbol('s')), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => child.send(() => {}), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => child.send('x', null, 'bad'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }),
              { code: 'ERR_CHILD_PROCESS_IPC_REQUIRED' });
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
