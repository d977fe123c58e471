'use strict';
// spawn() with an AbortSignal: aborting kills the child and emits an AbortError.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const ac = new AbortController();
const child = spawn('sleep', ['10'], { signal: ac.signal });
child.on('error', common.mustCall((err) => {
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
  assert.strictEqual(err.cause, ac.signal.reason);
}));
child.on('exit', common.mustCall((code, signal) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGTERM');
}));
ac.abort();
