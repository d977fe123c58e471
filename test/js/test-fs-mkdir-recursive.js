'use strict';
// mkdirSync({ recursive }) returns the first directory it created and reports files in the way.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const deep = path.join(dir, 'a', 'b', 'c');
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }), path.join(dir, 'a'));
assert.strictEqual(fs.statSync(deep).isDirectory(), true);
// Nothing new: undefined.
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }), undefined);

const file = path.join(dir, 'file');
fs.writeFileSync(file, '');
assert.throws(() => fs.mkdirSync(file, { recursive: true }), { code: 'EEXIST', path: file });
assert.throws(() => fs.mkdirSync(path.join(file, 'x', 'y'), { recursive: true }),
              { code: 'ENOTDIR', syscall: 'mkdir' });
assert.throws(() => fs.mkdirSync(path.join(dir, 'q', 'r')), { code: 'ENOENT' });
assert.throws(() => fs.mkdirSync(dir, { recursive: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });

fs.rmSync(dir, { recursive: true });
