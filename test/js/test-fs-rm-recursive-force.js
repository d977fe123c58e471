'use strict';
// rmSync removes trees with recursive, ignores missing paths with force, refuses directories
// otherwise.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
fs.mkdirSync(path.join(dir, 't', 'u', 'v'), { recursive: true });
fs.writeFileSync(path.join(dir, 't', 'u', 'f'), 'x');
fs.symlinkSync('/', path.join(dir, 't', 'root-link'));

assert.throws(() => fs.rmSync(path.join(dir, 't')), {
  code: 'ERR_FS_EISDIR',
  name: 'SystemError',
});
assert.throws(() => fs.rmSync(path.join(dir, 'missing')),
              { code: 'ENOENT', syscall: 'lstat' });
fs.rmSync(path.join(dir, 'missing'), { force: true });

fs.rmSync(path.join(dir, 't'), { recursive: true });
assert.strictEqual(fs.existsSync(path.join(dir, 't')), false);
// The symlink was removed, not followed.
assert.strictEqual(fs.existsSync('/'), true);

fs.mkdirSync(path.join(dir, 'w', 'x'), { recursive: true });
fs.rm(path.join(dir, 'w'), { recursive: true }, common.mustSucceed(() => {
  assert.strictEqual(fs.existsSync(path.join(dir, 'w')), false);
  fs.rmSync(dir, { recursive: true });
}));
