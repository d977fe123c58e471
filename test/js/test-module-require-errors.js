'use strict';
// require() errors: node's codes, messages and the require stack.
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

assert.throws(() => require('./no-such-file'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.match(err.message, /^Cannot find module '\.\/no-such-file'\nRequire stack:\n- /);
  assert.deepStrictEqual(err.requireStack, [__filename]);
  return true;
});
assert.throws(() => require(''), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => require(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => require('node:no-such-builtin'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-require-'));
const bad = path.join(dir, 'bad.json');
fs.writeFileSync(bad, '{ "a": ');
assert.throws(() => require(bad), (err) => {
  assert.ok(err instanceof SyntaxError);
  assert.ok(err.message.startsWith(`${bad}: `), err.message);
  return true;
});
fs.rmSync(dir, { recursive: true });

assert.strictEqual(require.resolve('fs'), 'fs');
assert.strictEqual(require.resolve('node:fs'), 'node:fs');
assert.strictEqual(require.resolve.paths('fs'), null);
assert.ok(require.resolve.paths('x').includes(path.join(__dirname, 'node_modules')));
assert.strictEqual(require.main, module);
assert.strictEqual(module.id, '.');
