'use strict';
// kill() returns true and sets killed (even for signal 0, as in node); the
// exit reports the signal by name.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('sleep', ['10']);
assert.strictEqual(child.kill(0), true);
assert.throws(() => child.kill('SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL', name: 'TypeError' });
assert.strictEqual(child.kill('SIGINT'), true);
assert.strictEqual(child.killed, true);
child.on('exit', common.mustCall((code, signal) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGINT');
  assert.strictEqual(child.signalCode, 'SIGINT');
  assert.strictEqual(child.exitCode, null);
  // After exit there is nothing left to signal.
  assert.strictEqual(child.kill(), false);
}));
