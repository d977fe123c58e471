'use strict';
// assert.CallTracker counts calls through a transparent wrapper and reports
// the functions not called the expected number of times.
require('./common');
const assert = require('node:assert');

const tracker = new assert.CallTracker();
function foo(a, b) { return a + b; }
foo.extra = 'kept';
const callsFoo = tracker.calls(foo, 2);
assert.strictEqual(callsFoo.length, 2);
assert.strictEqual(callsFoo.extra, 'kept');
assert.strictEqual(callsFoo(1, 2), 3);

assert.strictEqual(tracker.report().length, 1);
assert.strictEqual(tracker.report()[0].operator, 'foo');
assert.throws(() => tracker.verify(), {
  message: 'Expected the foo function to be executed 2 time(s) but was executed 1 time(s).',
});
callsFoo.call('self', 5, 6);
tracker.verify();
assert.deepStrictEqual(tracker.getCalls(callsFoo), [
  { thisArg: undefined, arguments: [1, 2] },
  { thisArg: 'self', arguments: [5, 6] },
]);
assert.ok(Object.isFrozen(tracker.getCalls(callsFoo)[0]));

const noop = tracker.calls();
const other = tracker.calls(() => {});
assert.throws(() => tracker.verify(), {
  message: 'Functions were not called the expected number of times',
});
noop();
other();
tracker.verify();
tracker.reset(noop);
assert.deepStrictEqual(tracker.getCalls(noop), []);

assert.throws(() => tracker.calls(foo, 0.5), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => tracker.calls(foo, '1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tracker.getCalls(foo), { code: 'ERR_INVALID_ARG_VALUE' });
