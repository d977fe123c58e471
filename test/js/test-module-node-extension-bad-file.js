'use strict';
// Requiring a .node file that is not a shared object fails with the system
// loader's message and code ERR_DLOPEN_FAILED (as process.dlopen does).
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-dlopen-'));
try {
  const file = path.join(dir, 'broken.node');
  fs.writeFileSync(file, 'not an ELF file');
  assert.throws(() => require(file), (err) => {
    assert.strictEqual(err.name, 'Error');
    assert.strictEqual(err.code, 'ERR_DLOPEN_FAILED');
    assert.ok(err.message.startsWith(`${file}: `), err.message);
    return true;
  });
  const missing = path.join(dir, 'missing.node');
  assert.throws(() => process.dlopen({ exports: {} }, missing), {
    code: 'ERR_DLOPEN_FAILED',
    message: `${missing}: cannot open shared object file: No such file or directory`,
  });
  assert.strictEqual(typeof process.dlopen, 'function');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
