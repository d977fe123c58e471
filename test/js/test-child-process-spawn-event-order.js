'use strict';
// spawn(): 'spawn' first, then 'exit' (code, signal), then 'close' after the
// stdio streams have closed; output arrives on child.stdout.
const common = require('./common');
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']);
assert.strictEqual(typeof child.pid, 'number');
assert.strictEqual(child.exitCode, null);
assert.deepStrictEqual(child.spawnargs, ['sh', '-c', 'echo out; echo err >&2; exit 3']);
assert.strictEqual(child.spawnfile, 'sh');
const events = [];
let out = '';
let err = '';
child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
child.stdout.on('close', () => events.push('stdout close'));
child.on('spawn', common.mustCall(() => events.push('spawn')));
child.on('exit', common.mustCall((code, signal) => {
  events.push('exit');
  assert.strictEqual(code, 3);
  assert.strictEqual(signal, null);
  assert.strictEqual(child.exitCode, 3);
}));
child.on('close', common.mustCall((code, signal) => {
  assert.strictEqual(code, 3);
  assert.strictEqual(signal, null);
  assert.strictEqual(events[0], 'spawn');
  assert.ok(events.includes('exit'));
  assert.strictEqual(out, 'out\n');
  assert.strictEqual(err, 'err\n');
}));
