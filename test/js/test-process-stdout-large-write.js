'use strict';
// 100 MB written to process.stdout arrive whole, through a pipe and through a
// file, and into a file also when process.exit() follows at once (node's
// synchronous stdio for files).
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');

const SIZE = 1e8;
const programs = [
  `process.stdout.write(Buffer.alloc(${SIZE}, 97))`,
  `process.stdout.write(Buffer.alloc(${SIZE}, 97)); process.exit()`,
  `process.stdout.write('a'.repeat(${SIZE / 2})); process.stdout.write('a'.repeat(${SIZE / 2})); process.exit(3)`,
];

// Through a pipe read by a shell pipeline, as `cairn -e ... | wc -c`. (node
// itself may drop pipe output when process.exit() follows, so only files are
// checked with exit.)
for (const code of [programs[0], `process.stdout.write('a'.repeat(${SIZE / 2})); process.stdout.write('a'.repeat(${SIZE / 2}))`]) {
  const out = execFileSync('sh', ['-c', '"$0" -e "$1" | wc -c', process.execPath, code],
                           { encoding: 'utf8' });
  assert.strictEqual(out.trim(), String(SIZE), code);
}

// Into a file, as `cairn -e ... > file`.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-stdout-'));
try {
  for (const code of programs) {
    const file = path.join(dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', fd, 'inherit'] });
    fs.closeSync(fd);
    assert.strictEqual(r.status, code.endsWith('exit(3)') ? 3 : 0);
    assert.strictEqual(fs.statSync(file).size, SIZE, code);
    const head = Buffer.alloc(16);
    const rfd = fs.openSync(file, 'r');
    fs.readSync(rfd, head, 0, 16, SIZE - 16);
    fs.closeSync(rfd);
    assert.strictEqual(head.toString(), 'a'.repeat(16));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
