'use strict';
// fs/promises FileHandle: write, read, stat, truncate, readFile, close, and errors after close.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');

(async () => {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cairn-fs-'));
  const file = path.join(dir, 'f');
  const fh = await fsp.open(file, 'w+');
  assert.strictEqual(typeof fh.fd, 'number');
  const w = await fh.write('hello world');
  assert.strictEqual(w.bytesWritten, 11);
  assert.strictEqual(Object.getPrototypeOf(w), null);
  const r = await fh.read(Buffer.alloc(5), 0, 5, 6);
  assert.strictEqual(r.bytesRead, 5);
  assert.strictEqual(r.buffer.toString(), 'world');
  await fh.truncate(5);
  assert.strictEqual((await fh.stat()).size, 5);
  assert.strictEqual(await fh.readFile('utf8'), '');  // the position is at the end
  await fh.close();
  await assert.rejects(fh.stat(), { code: 'EBADF', syscall: 'fstat' });
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'hello');
  await assert.rejects(fsp.readFile(path.join(dir, 'nope')), {
    code: 'ENOENT',
    syscall: 'open',
    message: `ENOENT: no such file or directory, open '${path.join(dir, 'nope')}'`,
  });
  await fsp.rm(dir, { recursive: true });
  assert.strictEqual(fs.existsSync(dir), false);
})().then(common.mustCall());
