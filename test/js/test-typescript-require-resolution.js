'use strict';
// require() and import() take .ts files only by their full name: no extension
// is added, and require.extensions lists no TypeScript entry.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript', 'cjs');
const flags = process.versions.cairn ? [] : ['--experimental-transform-types', '--no-warnings'];
const r = runChild([...flags, '-e', `
  console.log(Object.keys(require.extensions).join());
  try { require('./lib'); } catch (e) { console.log(e.code); }
  console.log(typeof require('./lib.cts').Greeter);
`], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, '.js,.json,.node\nMODULE_NOT_FOUND\nfunction\n');
assert.strictEqual(r.status, 0);
