'use strict';
// A missing executable is an 'error' event with node's error shape, then 'close'.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('cairn-no-such-command', ['a', 'b']);
child.on('spawn', common.mustNotCall());
child.on('exit', common.mustNotCall());
child.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'spawn cairn-no-such-command ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'spawn cairn-no-such-command');
  assert.strictEqual(err.path, 'cairn-no-such-command');
  assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
}));
child.on('close', common.mustCall((code, signal) => {
  assert.strictEqual(code, -2);
  assert.strictEqual(signal, null);
}));
