'use strict';
// Whole-file reads of big files (sync, callback, promises) return every byte:
// blocks from 1 MiB and from 32 MiB are made differently (src/rt/bytes.c), so
// both sizes are read, with a pattern that differs on every 4 KiB page, and
// the results stay writable and are freed when dropped.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-readfile-big-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function pattern(size) {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i += 4096) b.writeUInt32LE((i / 4096) * 2654435761 >>> 0, i);
  for (let i = 0; i < size; i += 4096) b.fill(i & 255, i + 4, Math.min(i + 4096, size));
  return b;
}

const sizes = [3 * 1024 * 1024 + 123, 40 * 1024 * 1024 + 5];
let pending = 0;
for (const size of sizes) {
  const file = path.join(dir, `f${size}.bin`);
  const data = pattern(size);
  fs.writeFileSync(file, data);

  const sync = fs.readFileSync(file);
  assert.strictEqual(sync.length, size);
  assert.ok(sync.equals(data));
  sync[size - 1] ^= 0xff;
  assert.notStrictEqual(sync[size - 1], data[size - 1]);

  pending++;
  fs.readFile(file, common.mustCall((err, buf) => {
    assert.ifError(err);
    assert.ok(buf.equals(data));
    pending--;
  }));
  pending++;
  fs.promises.readFile(file).then(common.mustCall((buf) => {
    assert.ok(buf.equals(data));
    assert.strictEqual(buf.toString('latin1', 4096, 4100),
                       data.toString('latin1', 4096, 4100));
    pending--;
  }));
}

// Repeated reads of the big file do not keep their memory.
process.on('exit', () => assert.strictEqual(pending, 0));
const big = path.join(dir, `f${sizes[1]}.bin`);
const before = process.memoryUsage.rss();
for (let i = 0; i < 12; i++) {
  assert.strictEqual(fs.readFileSync(big).length, sizes[1]);
  if (typeof globalThis.gc === 'function') globalThis.gc();
}
const grown = process.memoryUsage.rss() - before;
assert.ok(grown < 12 * sizes[1], `RSS grew by ${grown} bytes over 12 reads`);
