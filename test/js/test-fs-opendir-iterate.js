'use strict';
// opendir: readSync to the end, async iteration closes the Dir, closed Dir errors.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-fs-'));
for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, n), '');

const d = fs.opendirSync(dir);
const names = [];
let ent;
while ((ent = d.readSync()) !== null) names.push(ent.name);
assert.deepStrictEqual(names.sort(), ['a', 'b', 'c']);
d.closeSync();
assert.throws(() => d.readSync(), { code: 'ERR_DIR_CLOSED' });
assert.throws(() => fs.opendirSync(path.join(dir, 'a')), { code: 'ENOTDIR', syscall: 'opendir' });

(async () => {
  const seen = [];
  const dir2 = await fs.promises.opendir(dir);
  for await (const e of dir2) seen.push(e.name);
  assert.deepStrictEqual(seen.sort(), ['a', 'b', 'c']);
  assert.throws(() => dir2.read(), { code: 'ERR_DIR_CLOSED' });
  fs.rmSync(dir, { recursive: true });
})().then(common.mustCall());
