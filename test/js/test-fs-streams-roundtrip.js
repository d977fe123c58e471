'use strict';
// createWriteStream then createReadStream with start/end and a small highWaterMark.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const file = path.join(dir, 'f');
const ws = fs.createWriteStream(file);
ws.on('open', common.mustCall((fd) => assert.strictEqual(typeof fd, 'number')));
ws.write('0123');
ws.write(Buffer.from('4567'));
ws.end('89', common.mustCall(() => {
  assert.strictEqual(ws.bytesWritten, 10);
  const chunks = [];
  fs.createReadStream(file, { start: 2, end: 8, highWaterMark: 3 })
    .on('data', (c) => chunks.push(c.toString()))
    .on('end', common.mustCall(() => {
      assert.deepStrictEqual(chunks, ['234', '567', '8']);
    }))
    .on('close', common.mustCall(() => fs.rmSync(dir, { recursive: true })));
}));

fs.createReadStream(path.join(dir, 'missing')).on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
}));
