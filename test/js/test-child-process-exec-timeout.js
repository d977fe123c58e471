'use strict';
// exec() with timeout kills the child with killSignal and reports killed/signal.
const common = require('./common');
const assert = require('node:assert');
const { exec } = require('node:child_process');

exec('sleep 10', { timeout: 50, killSignal: 'SIGINT' }, common.mustCall((err) => {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGINT');
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.cmd, 'sleep 10');
}));
