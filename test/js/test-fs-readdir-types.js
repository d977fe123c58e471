'use strict';
// readdir with withFileTypes gives Dirents; recursive lists relative paths.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
fs.mkdirSync(path.join(dir, 'sub'));
fs.writeFileSync(path.join(dir, 'file'), '');
fs.writeFileSync(path.join(dir, 'sub', 'inner'), '');
fs.symlinkSync('file', path.join(dir, 'link'));

const ents = fs.readdirSync(dir, { withFileTypes: true })
  .sort((a, b) => a.name.localeCompare(b.name));
assert.deepStrictEqual(ents.map((d) => d.name), ['file', 'link', 'sub']);
assert.ok(ents[0] instanceof fs.Dirent);
assert.strictEqual(ents[0].isFile(), true);
assert.strictEqual(ents[1].isSymbolicLink(), true);
assert.strictEqual(ents[2].isDirectory(), true);
assert.strictEqual(ents[2].parentPath, dir);

assert.deepStrictEqual(fs.readdirSync(dir, { recursive: true }).sort(),
                       ['file', 'link', 'sub', path.join('sub', 'inner')]);
const bufs = fs.readdirSync(dir, 'buffer');
assert.ok(Buffer.isBuffer(bufs[0]));
assert.throws(() => fs.readdirSync(path.join(dir, 'file')),
              { code: 'ENOTDIR', syscall: 'scandir' });

fs.rmSync(dir, { recursive: true });
