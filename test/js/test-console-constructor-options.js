'use strict';
// new Console() validates its streams and options with node's error codes,
// works without `new`, and binds its methods to the instance.
const assert = require('node:assert');
const { Console } = require('node:console');

const stream = { write() {} };

assert.throws(() => new Console(), { code: 'ERR_CONSOLE_WRITABLE_STREAM', message: /stdout/ });
assert.throws(() => new Console(stream, {}), { code: 'ERR_CONSOLE_WRITABLE_STREAM', message: /stderr/ });
assert.throws(() => new Console({ stdout: stream, colorMode: 'yes' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'colorMode' .*Received 'yes'$/,
});
assert.throws(() => new Console({ stdout: stream, inspectOptions: null }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => new Console({ stdout: stream, colorMode: true, inspectOptions: { colors: true } }), {
  code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
});

const c = Console(stream);
assert.ok(c instanceof Console);
assert.ok(console instanceof Console);
assert.ok(!({} instanceof Console));
assert.strictEqual(c.log.name, 'log');
assert.strictEqual(c.error.name, 'error');
assert.throws(() => new c.log(), TypeError);

let got = '';
const c2 = new Console({ write(s) { got += s; } }, undefined, false);
[1].forEach(c2.log);
assert.strictEqual(got, '1 0 [ 1 ]\n');

// With ignoreErrors false, write errors propagate; by default they are swallowed.
const thrower = new (require('node:events'))();
thrower.write = () => { throw new Error('boom'); };
assert.throws(() => new Console(thrower, thrower, false).log('x'), /boom/);
new Console(thrower).log('x');
