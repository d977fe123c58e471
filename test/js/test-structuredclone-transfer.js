'use strict';
// structuredClone's transfer list detaches ArrayBuffers, only once the whole
// clone succeeded, and skips buffers marked untransferable.
require('./common');
const assert = require('node:assert');
const { markAsUntransferable } = require('node:worker_threads');

{
  const ab = new ArrayBuffer(4);
  new Uint8Array(ab).set([1, 2, 3, 4]);
  const view = new Uint8Array(ab, 1, 2);
  const out = structuredClone({ ab, view }, { transfer: [ab] });
  assert.strictEqual(ab.byteLength, 0);
  assert.strictEqual(view.length, 0);
  assert.strictEqual(out.ab.byteLength, 4);
  assert.strictEqual(out.view.buffer, out.ab);
  assert.deepStrictEqual([...out.view], [2, 3]);
}

{
  // Listed but not in the value: still detached.
  const ab = new ArrayBuffer(4);
  assert.strictEqual(structuredClone('x', { transfer: [ab] }), 'x');
  assert.strictEqual(ab.byteLength, 0);
  assert.throws(() => structuredClone(ab), {
    name: 'DataCloneError', message: 'An ArrayBuffer is detached and could not be cloned.',
  });
}

{
  // A clone that fails transfers nothing.
  const ab = new ArrayBuffer(4);
  assert.throws(() => structuredClone({ ab, f() {} }, { transfer: [ab] }), { name: 'DataCloneError' });
  assert.strictEqual(ab.byteLength, 4);
}

{
  // Generators are iterables too.
  const ab = new ArrayBuffer(2);
  structuredClone(ab, { transfer: (function*() { yield ab; })() });
  assert.strictEqual(ab.byteLength, 0);
}

{
  const ab = new ArrayBuffer(8);
  markAsUntransferable(ab);
  const out = structuredClone(ab, { transfer: [ab] });
  assert.strictEqual(ab.byteLength, 8);
  assert.strictEqual(out.byteLength, 8);
  assert.notStrictEqual(out, ab);
}

{
  const ab = new ArrayBuffer(2, { maxByteLength: 16 });
  const out = structuredClone(ab);
  assert.strictEqual(out.resizable, true);
  assert.strictEqual(out.maxByteLength, 16);
}
