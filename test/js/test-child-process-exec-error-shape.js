'use strict';
// exec(): a failing command gives an error with code/killed/signal/cmd and the output.
const common = require('./common');
const assert = require('node:assert');
const { exec } = require('node:child_process');

exec('echo out; echo err >&2; exit 2', common.mustCall((err, stdout, stderr) => {
  assert.strictEqual(err.message, 'Command failed: echo out; echo err >&2; exit 2\nerr\n');
  assert.strictEqual(err.code, 2);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.cmd, 'echo out; echo err >&2; exit 2');
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'err\n');
}));
