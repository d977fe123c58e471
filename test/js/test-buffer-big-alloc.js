'use strict';
// Big buffers (native storage, huge pages) behave like any other Buffer: alloc is
// zeroed, allocUnsafe/allocUnsafeSlow have the asked length and their own ArrayBuffer,
// fills cover every byte, and many of them in a row do not exhaust memory.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

for (const size of [32 * 1024, 65536, 4 * 1024 * 1024, 6 * 1024 * 1024 + 3]) {
  const z = Buffer.alloc(size);
  assert.strictEqual(z.length, size);
  assert.ok(z.every((b) => b === 0), `alloc(${size}) is zeroed`);
  const f = Buffer.alloc(size, 'ab');
  assert.strictEqual(f[size - 1], size % 2 === 0 ? 0x62 : 0x61);
  assert.strictEqual(Buffer.alloc(size, '')[size - 1], 0);
  const u = Buffer.allocUnsafeSlow(size);
  assert.strictEqual(u.length, size);
  assert.strictEqual(u.buffer.byteLength, size);
  assert.strictEqual(u.byteOffset, 0);
  u.fill(7);
  assert.strictEqual(u[size - 1], 7);
  assert.ok(Buffer.isBuffer(Buffer.allocUnsafe(size)));
}

// 4 GB of 1 MB buffers one after the other: the garbage collector sees them.
for (let i = 0; i < 4096; i++) Buffer.allocUnsafeSlow(1 << 20)[0] = i;
assert.ok(process.memoryUsage().rss < 2 ** 31, 'rss stays bounded');

// readFileSync / readFile of a big file return its bytes.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-big-'));
const file = path.join(dir, 'big.bin');
const data = Buffer.allocUnsafe(9 * 1024 * 1024 + 17);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 255;
fs.writeFileSync(file, data);
assert.ok(fs.readFileSync(file).equals(data));
fs.readFile(file, common.mustSucceed((back) => {
  assert.ok(back.equals(data));
  fs.promises.readFile(file).then(common.mustCall((again) => {
    assert.ok(again.equals(data));
    fs.rmSync(dir, { recursive: true });
  }));
}));
