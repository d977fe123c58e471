'use strict';
// A failing assert.ok()/assert() without a message shows the source text of
// the call, read from the caller's file (its first line only, as node 22
// shows a call over several lines). Needs the engine's proper tail calls
// off (JSC option useTailCalls=false): `() => assert.ok(x)` is a tail call
// in strict mode and would otherwise drop the caller's frame.
require('./common');
const assert = require('node:assert');

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    assert.strictEqual(err.generatedMessage, true);
    return err.message;
  }
  assert.fail('no AssertionError');
}
const prefix = 'The expression evaluated to a falsy value:\n\n  ';

assert.strictEqual(messageOf(() => assert.ok(typeof 123 === 'string')),
                   `${prefix}assert.ok(typeof 123 === 'string')\n`);
assert.strictEqual(messageOf(() => assert(null)), `${prefix}assert(null)\n`);
assert.strictEqual(messageOf(() => {
  assert(true); assert(0, undefined);
}), `${prefix}assert(0, undefined)\n`);
assert.strictEqual(messageOf(() => {
  assert.strict.ok(
    [1, 2].includes(3) ||
      false
  );
}), `${prefix}assert.strict.ok(\n`);
assert.strictEqual(messageOf(() => {
  assert
    .ok('');
}), `${prefix}ok('')\n`);
assert.strictEqual(messageOf(() => {
  const wrapper = (fn, value) => fn(value);
  wrapper(assert, false);
}), `${prefix}fn(value)\n`);
assert.strictEqual(messageOf(() => assert.ok.call(null, 0)), `${prefix}assert.ok.call(null, 0)\n`);
assert.strictEqual(messageOf(() => assert.ok(`${'a'}b` === 'c' /* ) */)),
                   `${prefix}assert.ok(\`\${'a'}b\` === 'c' /* ) */)\n`);

// No value at all.
assert.strictEqual(messageOf(() => assert()), 'No value argument passed to `assert.ok()`');

// An Error as message is thrown as is; other messages are used verbatim.
const custom = new RangeError('mine');
assert.throws(() => assert.ok(false, custom), (err) => err === custom);
assert.throws(() => assert(false, 'text'), { message: 'text', generatedMessage: false });
