'use strict';
// spawn() and ChildProcess#spawn() reject bad arguments with node's codes.
require('./common');
const assert = require('node:assert');
const { spawn, ChildProcess } = require('node:child_process');

assert.throws(() => spawn(''), { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
assert.throws(() => spawn('echo', ['a\u0000b']), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => spawn('echo', [], { stdio: 'bogus' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => spawn('echo', [], { stdio: ['pipe', {}] }), { code: 'ERR_INVALID_ARG_VALUE' });
// A string in the array is sync-only input.
assert.throws(() => spawn('echo', [], { stdio: ['pipe', 'bogus'] }),
              { code: 'ERR_INVALID_SYNC_FORK_INPUT' });
assert.throws(() => spawn('echo', [], { stdio: ['ipc', 'ipc'] }), { code: 'ERR_IPC_ONE_PIPE' });
assert.throws(() => spawn('echo', [], { stdio: [Buffer.from('x')] }),
              { code: 'ERR_INVALID_SYNC_FORK_INPUT', name: 'TypeError' });
assert.throws(() => spawn('echo', [], { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => spawn('echo', [], { killSignal: 'SIGNOPE' }), { code: 'ERR_UNKNOWN_SIGNAL' });
assert.throws(() => spawn('echo', [], { uid: 2 ** 40 }), { code: 'ERR_INVALID_ARG_TYPE' });

const cp = new ChildProcess();
assert.throws(() => cp.spawn(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => cp.spawn({ file: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.file" property must be of type string. Received type number (1)',
});
