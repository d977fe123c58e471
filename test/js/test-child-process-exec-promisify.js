'use strict';
// util.promisify(exec / execFile) resolves { stdout, stderr } and exposes .child.
const common = require('./common');
const assert = require('node:assert');
const util = require('node:util');
const { exec, execFile, ChildProcess } = require('node:child_process');

const p = util.promisify(exec)('echo hi; echo ho >&2');
assert.ok(p.child instanceof ChildProcess);
p.then(common.mustCall((result) => {
  assert.deepStrictEqual(result, { stdout: 'hi\n', stderr: 'ho\n' });
}));
util.promisify(execFile)('sh', ['-c', 'echo x; exit 4']).catch(common.mustCall((err) => {
  assert.strictEqual(err.code, 4);
  assert.strictEqual(err.stdout, 'x\n');
  assert.strictEqual(err.stderr, '');
}));
