'use strict';
// Spawn options inherited from Object.prototype (cwd, shell, execPath) are
// ignored: only the options object's own properties count.
const common = require('./common');
const assert = require('node:assert');
const cp = require('node:child_process');

if (process.argv[2] === 'child') process.exit(0);

const cwd = process.cwd();
Object.prototype.cwd = '/not/existing/dir';
Object.prototype.shell = '/not/a/shell';
Object.prototype.execPath = '/not/existing/node';
try {
  assert.strictEqual(`${cp.execFileSync('pwd')}`.trim(), cwd);
  assert.strictEqual(`${cp.spawnSync('pwd').stdout}`.trim(), cwd);
  assert.strictEqual(`${cp.execSync('pwd')}`.trim(), cwd);
  cp.execFile('pwd', common.mustSucceed((out) => assert.strictEqual(out.trim(), cwd)));
  cp.exec('pwd', common.mustSucceed((out) => assert.strictEqual(out.trim(), cwd)));
  const child = cp.fork(__filename, ['child'], { stdio: 'ignore' });
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
} finally {
  delete Object.prototype.cwd;
  delete Object.prototype.shell;
  delete Object.prototype.execPath;
}
