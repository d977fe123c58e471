'use strict';
// cpSync copies trees (files, modes, symlinks), honours filter, and refuses to copy into itself.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const src = path.join(dir, 'src');
fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
fs.writeFileSync(path.join(src, 'a'), 'A', { mode: 0o640 });
fs.writeFileSync(path.join(src, 'sub', 'b'), 'B');
fs.symlinkSync('a', path.join(src, 'l'));

assert.throws(() => fs.cpSync(src, path.join(dir, 'x')), { code: 'ERR_FS_EISDIR' });
fs.cpSync(src, path.join(dir, 'dst'), { recursive: true });
assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'dst'), { recursive: true }).sort(),
                       ['a', 'l', 'sub', path.join('sub', 'b')]);
assert.strictEqual(fs.statSync(path.join(dir, 'dst', 'a')).mode & 0o777, 0o640);
assert.strictEqual(fs.readlinkSync(path.join(dir, 'dst', 'l')), path.join(src, 'a'));

fs.cpSync(src, path.join(dir, 'f'), { recursive: true, filter: (s) => !s.endsWith('b') });
assert.strictEqual(fs.existsSync(path.join(dir, 'f', 'sub', 'b')), false);

assert.throws(() => fs.cpSync(src, path.join(src, 'sub', 'in'), { recursive: true }),
              { code: 'ERR_FS_CP_EINVAL', name: 'SystemError' });
assert.throws(() => fs.cpSync(path.join(src, 'a'), path.join(dir, 'dst', 'a'),
                              { force: false, errorOnExist: true }),
              { code: 'ERR_FS_CP_EEXIST' });

fs.cp(src, path.join(dir, 'async'), { recursive: true }, common.mustSucceed(() => {
  assert.strictEqual(fs.readFileSync(path.join(dir, 'async', 'sub', 'b'), 'utf8'), 'B');
  fs.rmSync(dir, { recursive: true });
}));
