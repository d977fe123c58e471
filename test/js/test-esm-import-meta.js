'use strict';
// import.meta: url, filename, dirname, main, resolve.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'meta');
const r = runChild(['main.mjs'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `[Object: null prototype] {
  dirname: '${dir}',
  filename: '${dir}/main.mjs',
  main: true,
  resolve: [Function: resolve],
  url: 'file://${dir}/main.mjs'
}
false true
true node:fs
true
`);
assert.strictEqual(r.status, 0);
