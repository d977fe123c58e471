'use strict';
// A worker runs a file with require(), argv after the script name, and sees
// itself as the main module.
const common = require('./common');
const assert = require('node:assert');
const path = require('node:path');
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

if (isMainThread) {
  const w = new Worker(__filename, { argv: ['a', 2] });
  w.on('message', common.mustCall((m) => {
    assert.deepStrictEqual(m.argv, [__filename, 'a', '2']);
    assert.strictEqual(m.base, path.basename(__filename));
    assert.strictEqual(m.isMain, true);
  }));
  w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
} else {
  parentPort.postMessage({
    argv: process.argv.slice(1),
    base: path.basename(__filename),
    isMain: require.main === module,
  });
}
