'use strict';
// File-system calls waiting on the thread pool are listed by process._getActiveRequests() and
// process.getActiveResourcesInfo() until their callbacks run.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');

const before = process._getActiveRequests().length;
let done = 0;
for (let i = 0; i < 3; i++) {
  fs.stat(__filename, common.mustCall(() => {
    if (++done < 3) return;
    setImmediate(common.mustCall(() => {
      assert.strictEqual(process._getActiveRequests().length, before);
    }));
  }));
}
const reqs = process._getActiveRequests();
assert.strictEqual(reqs.length, before + 3);
assert.strictEqual(reqs[reqs.length - 1].constructor.name, 'FSReqCallback');
const info = process.getActiveResourcesInfo().filter((n) => n === 'FSReqCallback');
assert.strictEqual(info.length, before + 3);
