'use strict';
// spawnSync's stdout stays readable after garbage collections: its bytes belong to the
// Buffer the caller gets (they were freed once the binding's own array was collected).
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const size = 1024 * 1024;
for (let i = 0; i < 40; i++) {
  const ret = spawnSync(process.execPath, ['-e', `console.log('a'.repeat(${size - 1}))`]);
  const junk = [];
  for (let k = 0; k < 2000; k++) junk.push({ k, s: `x${k}` });
  assert.strictEqual(ret.stdout.toString(), `${'a'.repeat(size - 1)}\n`);
  assert.ok(Buffer.isBuffer(ret.stdout));
}
