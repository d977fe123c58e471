'use strict';
// AssertionError: its own properties, name/code, toString(), the stack
// header, option validation, and a custom message kept as the headline of
// the strictEqual/deepStrictEqual diff.
require('./common');
const assert = require('node:assert');
const { AssertionError } = assert;

const err = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
assert.ok(err instanceof Error);
assert.strictEqual(err.name, 'AssertionError');
assert.strictEqual(err.code, 'ERR_ASSERTION');
assert.strictEqual(err.generatedMessage, true);
assert.strictEqual(err.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
assert.deepStrictEqual(Object.keys(err),
                       ['generatedMessage', 'code', 'actual', 'expected', 'operator', 'diff']);
// node 22: `diff` ('simple' unless options.diff says otherwise).
assert.strictEqual(err.diff, 'simple');
assert.strictEqual(new AssertionError({ message: 'm', diff: 'full' }).diff, 'full');
assert.strictEqual(Object.getOwnPropertyDescriptor(err, 'name').enumerable, false);
assert.strictEqual(err.toString(), `AssertionError [ERR_ASSERTION]: ${err.message}`);
assert.ok(err.stack.startsWith('AssertionError [ERR_ASSERTION]: Expected values'));

assert.strictEqual(new AssertionError({}).message, 'undefined undefined undefined');
assert.strictEqual(new AssertionError({ actual: 'a', expected: 'b', operator: '==' }).message,
                   "'a' == 'b'");
assert.strictEqual(new AssertionError({ message: 5 }).message, '5');
for (const bad of [1, null, 'x', undefined]) {
  assert.throws(() => new AssertionError(bad), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}

// The frames start at the caller of stackStartFn.
(function hidden() {
  const e = new AssertionError({ actual: 1, operator: 'fail', stackStartFn: hidden });
  assert.ok(!e.stack.includes('hidden'));
})();

// A custom message replaces the headline of the diff.
assert.throws(() => assert.strictEqual(1, 2, 'oh no'), {
  message: 'oh no\n\n1 !== 2\n',
  generatedMessage: false,
});
assert.throws(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'oh no'), {
  message: 'oh no\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }',
});
assert.throws(() => assert.deepEqual({ a: 1 }, { a: 2 }, 'oh no'), { message: 'oh no' });
assert.throws(() => assert.equal(1, 2), { message: '1 == 2', operator: '==' });
assert.throws(() => assert.notEqual(1, 1), { message: '1 != 1', operator: '!=' });
assert.throws(() => assert.notDeepEqual(1, true), {
  message: 'Expected values not to be loosely deep-equal:\n\n1\n\nshould not loosely deep-equal\n\ntrue',
});
assert.throws(() => assert.deepEqual(1, 2), {
  message: 'Expected values to be loosely deep-equal:\n\n1\n\nshould loosely deep-equal\n\n2',
});
