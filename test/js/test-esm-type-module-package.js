'use strict';
// .js files in a "type": "module" package are ES modules; .cjs stays CommonJS.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'esm', 'typemodule');
const r = runChild(['main.js'], { cwd: dir });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `helper legacy undefined true
`);
assert.strictEqual(r.status, 0);
