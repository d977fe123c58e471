'use strict';
// Stats carries every field as numbers (or bigints), with Date fields and type predicates.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'abcd');
fs.utimesSync(file, 1000.5, 2000.25);

const st = fs.statSync(file);
assert.ok(st instanceof fs.Stats);
assert.strictEqual(st.size, 4);
assert.strictEqual(st.isFile(), true);
assert.strictEqual(st.isDirectory(), false);
assert.strictEqual(st.atimeMs, 1000500);
assert.strictEqual(st.mtimeMs, 2000250);
assert.strictEqual(st.mtime.getTime(), 2000250);
for (const k of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'blocks',
                 'ctimeMs', 'birthtimeMs']) {
  assert.strictEqual(typeof st[k], 'number', k);
}
// node 20's shape: node 22 makes the Date fields lazy accessors on the prototype, which
// test-fs-stat of the v20.11 corpus (JSON.stringify(stats) has atime...) rejects.
assert.deepStrictEqual(Object.keys(st).slice(-4), ['atime', 'mtime', 'ctime', 'birthtime']);

const big = fs.statSync(file, { bigint: true });
assert.strictEqual(big.size, 4n);
assert.strictEqual(big.mtimeMs, 2000250n);
assert.strictEqual(big.mtimeNs, 2000250000000n);
assert.strictEqual(big.isFile(), true);
assert.strictEqual(Object.keys(big).length, 22);
assert.strictEqual(big.mtime.getTime(), 2000250);

assert.strictEqual(fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }), undefined);
// node 22 (node 20 threw ENOTDIR here); lstatSync still throws
assert.strictEqual(fs.statSync(path.join(file, 'x'), { throwIfNoEntry: false }), undefined);
assert.throws(() => fs.lstatSync(path.join(file, 'x'), { throwIfNoEntry: false }),
              { code: 'ENOTDIR' });
assert.throws(() => fs.statSync(path.join(file, 'x')), { code: 'ENOTDIR' });
assert.strictEqual(fs.statSync(dir).isDirectory(), true);

fs.rmSync(dir, { recursive: true });

// Times given as strings or BigInts still make Dates (the constructor takes any number-like).
// node 22: constructing fs.Stats yourself warns once with DEP0180; the wrapper keeps the
// prototype and the constructor's length.
const { mustCall } = require('./common');
process.on('warning', mustCall((w) => {
  assert.strictEqual(w.name, 'DeprecationWarning');
  assert.strictEqual(w.code, 'DEP0180');
}));
const made = new fs.Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '11.6', 12n, 13, 14);
new fs.Stats();
assert.ok(made instanceof fs.Stats);
assert.strictEqual(made.atime.getTime(), 12);
assert.strictEqual(made.mtime.getTime(), 12);
assert.strictEqual(fs.Stats.length, 14);
assert.ok(st instanceof fs.Stats);
