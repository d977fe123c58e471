'use strict';
// The command line: -e/-p with arguments, -v, -c, stdin, `--` and bad options
// behave as node's do.
const assert = require('node:assert');
const path = require('node:path');
const { runChild } = require('./common');

let r = runChild(['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', 'a', 'b']);
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, '["a","b"]\n');

r = runChild(['-p', '6 * 7']);
assert.strictEqual(r.stdout, '42\n');

r = runChild(['-p', '({ a: [1, "x"] })']);
assert.strictEqual(r.stdout, "{ a: [ 1, 'x' ] }\n");

r = runChild(['-v']);
assert.match(r.stdout, /^v\d+\.\d+\.\d+\n$/);
assert.strictEqual(r.stdout, `${process.version}\n`);

r = runChild(['--no-such-option-at-all']);
assert.strictEqual(r.status, 9);
assert.match(r.stderr, /: bad option: --no-such-option-at-all\n$/);

r = runChild(['-c', path.join(__dirname, 'fixtures', 'syntax-error.js')]);
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /SyntaxError/);

r = runChild(['-c', __filename]);
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stdout, '');

r = runChild(['-'], { input: 'console.log(process.argv.length, typeof require)' });
assert.strictEqual(r.stdout, '2 function\n');

r = runChild(['-e', 'process.exitCode = 3']);
assert.strictEqual(r.status, 3);

r = runChild(['-e', 'process.on("exit", (c) => console.log("exit", c)); process.exit(5)']);
assert.strictEqual(r.status, 5);
assert.strictEqual(r.stdout, 'exit 5\n');

r = runChild(['-e', 'console.log(process.execArgv)', '--', '--not-an-option']);
assert.strictEqual(r.status, 0);

const code = 'process.emitWarning("quiet"); console.log(JSON.stringify(process.execArgv))';
r = runChild(['--no-warnings', '-e', code]);
assert.strictEqual(r.stderr, '');
assert.strictEqual(r.stdout, `${JSON.stringify(['--no-warnings', '-e', code])}\n`);

// NODE_OPTIONS: options apply but stay out of execArgv; forbidden ones fail.
r = runChild(['-e', 'console.log(JSON.stringify(process.execArgv)); process.emitWarning("w")'],
             { env: { ...process.env, NODE_OPTIONS: '--no-warnings' } });
assert.strictEqual(r.status, 0);
assert.strictEqual(r.stderr, '');
assert.match(r.stdout, /^\["-e",/);
r = runChild(['-e', '0'], { env: { ...process.env, NODE_OPTIONS: '-e 1' } });
assert.strictEqual(r.status, 9);
assert.match(r.stderr, /: -e is not allowed in NODE_OPTIONS\n$/);
assert.ok(process.allowedNodeEnvironmentFlags.has('--no-warnings'));
assert.ok(process.allowedNodeEnvironmentFlags.has('no_warnings'));
assert.ok(!process.allowedNodeEnvironmentFlags.has('--cheeseburgers'));
