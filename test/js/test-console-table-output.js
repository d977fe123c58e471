'use strict';
// console.table() draws node's left-aligned box table, with an index column,
// one column per property and a 'Values' column for primitive rows.
const assert = require('node:assert');
const { Console } = require('node:console');

const out = [];
const stream = { write(s) { out.push(s); } };
const c = new Console({ stdout: stream, stderr: stream, ignoreErrors: false, colorMode: false });

c.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }, 3]);
assert.strictEqual(out.pop(), [
  '┌─────────┬─────┬─────┬────────┐',
  '│ (index) │ a   │ b   │ Values │',
  '├─────────┼─────┼─────┼────────┤',
  "│ 0       │ 1   │ 'Y' │        │",
  "│ 1       │ 'Z' │ 2   │        │",
  '│ 2       │     │     │ 3      │',
  '└─────────┴─────┴─────┴────────┘',
  '',
].join('\n'));

c.table(new Map([['k', { x: 1 }]]));
assert.strictEqual(out.pop(), [
  '┌───────────────────┬─────┬──────────┐',
  '│ (iteration index) │ Key │ Values   │',
  '├───────────────────┼─────┼──────────┤',
  "│ 0                 │ 'k' │ { x: 1 } │",
  '└───────────────────┴─────┴──────────┘',
  '',
].join('\n'));

c.table({ a: { x: 1, y: 2 } }, ['y']);
assert.strictEqual(out.pop(), [
  '┌─────────┬───┐',
  '│ (index) │ y │',
  '├─────────┼───┤',
  '│ a       │ 2 │',
  '└─────────┴───┘',
  '',
].join('\n'));

// Wide characters count as two columns.
c.table(['你好']);
assert.strictEqual(out.pop(), [
  '┌─────────┬────────┐',
  '│ (index) │ Values │',
  '├─────────┼────────┤',
  "│ 0       │ '你好' │",
  '└─────────┴────────┘',
  '',
].join('\n'));

// Primitives are just logged.
c.table('plain');
assert.strictEqual(out.pop(), 'plain\n');

assert.throws(() => c.table([], 'a'), { code: 'ERR_INVALID_ARG_TYPE' });

// Iterators are previewed, not consumed.
const it = new Map([['k', 1], ['l', 2]]).entries();
it.next();
c.table(it);
assert.strictEqual(out.pop(), [
  '┌───────────────────┬─────┬────────┐',
  '│ (iteration index) │ Key │ Values │',
  '├───────────────────┼─────┼────────┤',
  "│ 0                 │ 'l' │ 2      │",
  '└───────────────────┴─────┴────────┘',
  '',
].join('\n'));
assert.deepStrictEqual(it.next().value, ['l', 2]);
