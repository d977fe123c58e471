'use strict';
// A failed sync call throws Node's system error: message, errno, code, syscall, path, dest.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const missing = path.join(dir, 'missing');

assert.throws(() => fs.openSync(missing), (err) => {
  assert.strictEqual(err.message, `ENOENT: no such file or directory, open '${missing}'`);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(err.path, missing);
  assert.strictEqual(err.constructor, Error);
  return true;
});

assert.throws(() => fs.renameSync(missing, missing + '2'), {
  message: `ENOENT: no such file or directory, rename '${missing}' -> '${missing}2'`,
  syscall: 'rename',
  path: missing,
  dest: `${missing}2`,
});

// Calls on a descriptor name no path.
assert.throws(() => fs.fstatSync(987654), (err) => {
  assert.strictEqual(err.message, 'EBADF: bad file descriptor, fstat');
  assert.strictEqual('path' in err, false);
  return true;
});

// Reading a directory fails in read(), not open().
assert.throws(() => fs.readFileSync(dir), { code: 'EISDIR', syscall: 'read' });

fs.rmSync(dir, { recursive: true });
