'use strict';
// realpathSync resolves a symlink's ".." lexically (like Node's JS realpath), while
// realpathSync.native lets the kernel resolve it; errors name the failing component.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-')));
fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
fs.symlinkSync('a/b', path.join(dir, 'l1'));
fs.symlinkSync('l1/..', path.join(dir, 'l2'));

assert.strictEqual(fs.realpathSync(path.join(dir, 'l1')), path.join(dir, 'a', 'b'));
assert.strictEqual(fs.realpathSync(path.join(dir, 'l2')), dir);
assert.strictEqual(fs.realpathSync.native(path.join(dir, 'l2')), path.join(dir, 'a'));
assert.throws(() => fs.realpathSync(path.join(dir, 'nope', 'x')), {
  code: 'ENOENT',
  syscall: 'lstat',
  path: path.join(dir, 'nope'),
});
assert.throws(() => fs.realpathSync.native(path.join(dir, 'nope')), { syscall: 'realpath' });

fs.rmSync(dir, { recursive: true });
