'use strict';
// Uncaught errors print node's layout (file:line, source line, caret, the
// error with its stack, node's version line) and exit with code 1.
const assert = require('node:assert');
const path = require('node:path');
const { runChild } = require('./common');

const fixture = (name) => path.join(__dirname, 'fixtures', name);

function check(name, { header, message }) {
  const r = runChild([fixture(name)]);
  assert.strictEqual(r.status, 1, `${name}: exit code ${r.status}\n${r.stderr}`);
  assert.strictEqual(r.stdout, '');
  if (header) assert.ok(r.stderr.startsWith(header), `${name}: stderr was\n${r.stderr}`);
  assert.match(r.stderr, message);
  assert.match(r.stderr, /\n\nNode\.js v\d+\.\d+\.\d+\n$/);
}

check('throw-error.js', {
  header: `${fixture('throw-error.js')}:2\n  throw new Error('boom');\n`,
  message: /\n\nError: boom\n {4}at fail \(.*throw-error\.js:2:\d+\)\n/,
});
check('syntax-error.js', {
  header: `${fixture('syntax-error.js')}:2\nlet x = ;\n`,
  message: /\n\nSyntaxError: Unexpected token ';'\n/,
});
check('missing-module.js', {
  message: /Error: Cannot find module '\.\/does-not-exist'\nRequire stack:\n- .*missing-module\.js\n[^]*code: 'MODULE_NOT_FOUND'/,
});
check('throw-number.js', {
  message: /(?:^|\n)42\n\(Use `node --trace-uncaught \.\.\.` to show where the exception was thrown\)\n/,
});
check('throw-in-timer.js', {
  header: `${fixture('throw-in-timer.js')}:2\n  throw new TypeError('in timer');\n`,
  message: /\n\nTypeError: in timer\n {4}at /,
});
check('throw-in-tick.js', {
  header: `${fixture('throw-in-tick.js')}:2\n  throw new RangeError('in tick');\n`,
  message: /\n\nRangeError: in tick\n {4}at /,
});
check('reject-error.js', {
  header: `${fixture('reject-error.js')}:1\nPromise.reject(new Error('rejected'));\n`,
  message: /\n\nError: rejected\n {4}at /,
});
check('reject-number.js', {
  message: /UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with \.catch\(\)\. The promise rejected with the reason "17"\.\n[^]*code: 'ERR_UNHANDLED_REJECTION'\n}\n/,
});
