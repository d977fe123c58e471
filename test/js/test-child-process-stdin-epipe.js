'use strict';
// Writing to a child that closed its stdin fails with EPIPE on child.stdin.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('sh', ['-c', 'exec 0<&-; sleep 0.5']);
child.stdin.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'EPIPE');
  assert.strictEqual(err.syscall, 'write');
}));
setTimeout(() => {
  child.stdin.write(Buffer.alloc(1 << 20), common.mustCall((err) => {
    assert.strictEqual(err.code, 'EPIPE');
  }));
}, 100);
