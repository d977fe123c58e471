'use strict';
// fs.watch reports a new file in a directory; watching a missing path throws with filename.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
const missing = path.join(dir, 'missing');
assert.throws(() => fs.watch(missing), {
  code: 'ENOENT',
  syscall: 'watch',
  filename: missing,
  message: `ENOENT: no such file or directory, watch '${missing}'`,
});

const watcher = fs.watch(dir);
watcher.on('change', common.mustCallAtLeast((eventType, filename) => {
  assert.ok(eventType === 'rename' || eventType === 'change');
  assert.strictEqual(filename, 'new-file');
  if (eventType === 'rename') watcher.close();
}));
watcher.on('close', common.mustCall(() => fs.rmSync(dir, { recursive: true })));
setTimeout(() => fs.writeFileSync(path.join(dir, 'new-file'), 'x'), 50);
