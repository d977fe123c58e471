'use strict';
// fs.watchFile with { interval: 0 } polls as often as it can (libuv takes 0 as 1 ms), as
// in node; it is not replaced by the 5007 ms default. The file is created after the
// first callback and its creation is seen long before the default interval.
const { mustCall } = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-watchfile-'));
const file = path.join(dir, 'later');
const tooLate = setTimeout(() => assert.fail('interval 0 polled at the default 5 s interval'), 4000);
let calls = 0;
fs.watchFile(file, { interval: 0 }, mustCall((curr, prev) => {
  calls++;
  if (calls === 1) {
    assert.strictEqual(curr.ino, 0);
    fs.writeFileSync(file, 'x');
    return;
  }
  assert.ok(curr.ino > 0);
  assert.strictEqual(prev.ino, 0);
  fs.unwatchFile(file);
  clearTimeout(tooLate);
  fs.rmSync(dir, { recursive: true });
}, 2));
