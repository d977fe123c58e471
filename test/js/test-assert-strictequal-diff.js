'use strict';
// strictEqual/deepStrictEqual failures describe the difference: "a !== b" for
// short primitives, otherwise a line diff with a position marker or skipped
// lines.
require('./common');
const assert = require('node:assert');

function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_ASSERTION');
    return err.message;
  }
  assert.fail('no AssertionError');
}

const strictStart = 'Expected values to be strictly equal:\n';
const deepStart = 'Expected values to be strictly deep-equal:\n';

assert.strictEqual(messageOf(() => assert.strictEqual(1, 2)), `${strictStart}\n1 !== 2\n`);
assert.strictEqual(messageOf(() => assert.strictEqual('test test', 'test foobar')),
                   `${strictStart}+ actual - expected\n\n+ 'test test'\n- 'test foobar'\n        ^`);
assert.strictEqual(messageOf(() => assert.strictEqual([1, 2, 3], '')),
                   `${strictStart}+ actual - expected\n\n+ [\n+   1,\n+   2,\n+   3\n+ ]\n- ''`);
assert.strictEqual(messageOf(() => assert.strictEqual([], [])),
                   'Values have same structure but are not reference-equal:\n\n[]\n');
assert.strictEqual(messageOf(() => assert.strictEqual(new Error('foo'), new Error('foobar'))),
                   'Expected "actual" to be reference-equal to "expected":\n' +
                   '+ actual - expected\n\n+ [Error: foo]\n- [Error: foobar]');
assert.strictEqual(messageOf(() => assert.deepStrictEqual({ a: 4 }, { a: 4, b: true })),
                   `${deepStart}+ actual - expected\n\n  {\n    a: 4,\n-   b: true\n  }`);
assert.strictEqual(messageOf(() => assert.deepStrictEqual([4], ['4'])),
                   `${deepStart}+ actual - expected\n\n  [\n+   4\n-   '4'\n  ]`);
assert.strictEqual(messageOf(() => assert.deepStrictEqual(4, '4')), `${deepStart}\n4 !== '4'\n`);
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual([[[1, 2, 3]], 4, 5], [[[1, 2, '3']], 4, 5])),
  [
    deepStart + '+ actual - expected ... Lines skipped',
    '',
    '  [',
    '    [',
    '      [',
    '        1,',
    '        2,',
    '+       3',
    "-       '3'",
    '      ]',
    '...',
    '    4,',
    '    5',
    '  ]',
  ].join('\n'));
assert.strictEqual(
  messageOf(() => assert.deepStrictEqual(Array(28).fill(1), Array(28).fill(2))),
  `${deepStart}+ actual - expected ... Lines skipped\n\n  [\n` +
  '+   1,\n'.repeat(25) + '...\n' + '-   2,\n'.repeat(25) + '...');
// Values that print the same but are not equal.
assert.strictEqual(messageOf(() => assert.deepStrictEqual({ a: Symbol() }, { a: Symbol() })),
                   'Values have same structure but are not reference-equal:\n\n{\n  a: Symbol()\n}\n');
// The negated forms show one value.
assert.strictEqual(messageOf(() => assert.notStrictEqual(2, 2)),
                   'Expected "actual" to be strictly unequal to: 2');
assert.strictEqual(messageOf(() => assert.notDeepStrictEqual([1], [1])),
                   'Expected "actual" not to be strictly deep-equal to:\n\n[\n  1\n]\n');
const obj = {};
assert.strictEqual(messageOf(() => assert.notStrictEqual(obj, obj)),
                   'Expected "actual" not to be reference-equal to "expected": {}');
