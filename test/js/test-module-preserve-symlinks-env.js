'use strict';
// NODE_PRESERVE_SYMLINKS=1 acts as --preserve-symlinks: a module reached
// through a symlinked directory resolves its own requires from the link's
// location, not from its real path.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-preserve-'));
try {
  // real/lib/index.js requires 'dep'; only app/node_modules has the right one.
  fs.mkdirSync(path.join(root, 'real', 'lib'), { recursive: true });
  fs.mkdirSync(path.join(root, 'real', 'node_modules', 'dep'), { recursive: true });
  fs.mkdirSync(path.join(root, 'app', 'node_modules', 'dep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'real', 'lib', 'index.js'),
                   'module.exports = require("dep");');
  fs.writeFileSync(path.join(root, 'real', 'node_modules', 'dep', 'index.js'),
                   'module.exports = "real";');
  fs.writeFileSync(path.join(root, 'app', 'node_modules', 'dep', 'index.js'),
                   'module.exports = "link";');
  fs.symlinkSync(path.join(root, 'real', 'lib'), path.join(root, 'app', 'node_modules', 'lib'));
  fs.writeFileSync(path.join(root, 'app', 'main.js'), 'console.log(require("lib"));');

  const run = (env) => spawnSync(process.execPath, [path.join(root, 'app', 'main.js')],
                                 { encoding: 'utf8', env: { ...process.env, ...env } });
  let r = run({ NODE_PRESERVE_SYMLINKS: '1' });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, 'link\n');
  r = run({ NODE_PRESERVE_SYMLINKS: '0' });
  assert.strictEqual(r.stdout, 'real\n');
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
