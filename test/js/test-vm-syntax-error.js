'use strict';
// A SyntaxError in vm code is thrown by new vm.Script and names the file and
// line in its stack, with the offending line shown.
require('./common');
const assert = require('node:assert');
const vm = require('node:vm');

assert.throws(() => new vm.Script('let a = 1;\nvar (', { filename: 'bad.js' }), (err) => {
  assert.ok(err instanceof SyntaxError);
  assert.match(err.stack, /^bad\.js:2\nvar \(\n/);
  assert.match(err.stack, /\n\nSyntaxError: /);
  return true;
});
// Nothing runs when compilation fails.
const sandbox = { ran: false };
assert.throws(() => vm.runInNewContext('ran = true; }', sandbox), { name: 'SyntaxError' });
assert.strictEqual(sandbox.ran, false);
