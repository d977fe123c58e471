// In an ES module, a failing assert.ok() without a message shows the source
// text of the call too, though the module runs as a rewrite whose columns
// differ where imports are referenced (first line included).
import assert, { ok } from 'node:assert'; try { assert.ok(typeof ok === 'string'); } catch (err) { globalThis.firstLine = err.message; }
import * as ns from 'node:assert';
export const answer = 42;

const prefix = 'The expression evaluated to a falsy value:\n\n  ';
function messageOf(fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.generatedMessage, true);
    return err.message;
  }
  assert.fail('no AssertionError');
}

assert.strictEqual(globalThis.firstLine, `${prefix}assert.ok(typeof ok === 'string')\n`);
assert.strictEqual(messageOf(() => { assert.ok(answer === 1); }),
                   `${prefix}assert.ok(answer === 1)\n`);
assert.strictEqual(messageOf(() => { ok(import.meta.url === '' || 'x' === ns.strictEqual); }),
                   `${prefix}ok(import.meta.url === '' || 'x' === ns.strictEqual)\n`);
assert.strictEqual(messageOf(() => { ns.ok({ ok }.ok === null); }),
                   `${prefix}ns.ok({ ok }.ok === null)\n`);
