'use strict';
// GC audit: writevSync keeps each buffer of the list alive while it reads the next one. A
// buffer only a getter returns was held in a C array the collector does not scan, so the
// allocations of the next getter freed it and the file got other bytes.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const file = path.join(os.tmpdir(), `cairn-writev-getter-${process.pid}`);
const fd = fs.openSync(file, 'w+');
let expected = '';
try {
  for (let round = 0; round < 50; round++) {
    const list = [];
    for (let i = 0; i < 8; i++) {
      const text = `r${round}-p${i}-`.padEnd(4096, String.fromCharCode(97 + i));
      expected += text;
      Object.defineProperty(list, i, {
        enumerable: true,
        get() {
          // A fresh Buffer on every read (nothing else holds it), after some garbage.
          const junk = [];
          for (let k = 0; k < 3000; k++) junk.push({ k, s: `j${k}` });
          return Buffer.from(text);
        },
      });
    }
    assert.strictEqual(fs.writevSync(fd, list), 8 * 4096);
  }
} finally {
  fs.closeSync(fd);
}
const got = fs.readFileSync(file, 'latin1');
fs.unlinkSync(file);
assert.strictEqual(got.length, expected.length);
assert.ok(got === expected, 'the written bytes differ');
