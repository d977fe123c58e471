'use strict';
// -e and stdin code runs as an ES module with --input-type=module, or when it
// only parses as one; -p refuses ES module input.
const { runChild } = require('./common');
const assert = require('node:assert');

let r = runChild(['--input-type=module', '-e',
                  'import { sep } from "path"; console.log(sep, import.meta.url.endsWith("/[eval1]"))']);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, '/ true\n');

r = runChild(['-e', 'import { sep } from "node:path"; console.log(sep, typeof require)']);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, '/ undefined\n');

r = runChild(['-e', 'console.log(typeof require)']);
assert.strictEqual(r.stdout, 'function\n');

r = runChild(['--input-type=module'], { input: 'console.log(import.meta.main, await Promise.resolve(7))' });
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, 'true 7\n');

r = runChild(['--input-type=module', '-p', '1']);
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /ERR_EVAL_ESM_CANNOT_PRINT/);
assert.match(r.stderr, /--print cannot be used with ESM input/);
