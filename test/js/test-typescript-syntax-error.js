'use strict';
// Invalid TypeScript throws a SyntaxError with code ERR_INVALID_TYPESCRIPT_SYNTAX,
// located in the .ts file.
const { runChild } = require('./common');
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'typescript');
const r = runChild(['-e', `
  try {
    require('./cjs/invalid.cts');
  } catch (e) {
    console.log(e.name, e.code, e instanceof SyntaxError);
  }
`], { cwd: dir });
assert.strictEqual(r.stdout, 'SyntaxError ERR_INVALID_TYPESCRIPT_SYNTAX true\n');
assert.strictEqual(r.status, 0);

const main = runChild(['cjs/invalid.cts'], { cwd: dir });
assert.strictEqual(main.status, 1);
assert.match(main.stderr, /invalid\.cts:2\n/);
assert.match(main.stderr, /SyntaxError \[ERR_INVALID_TYPESCRIPT_SYNTAX\]/);
