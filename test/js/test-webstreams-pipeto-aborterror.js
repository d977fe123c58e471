'use strict';
// When pipeTo() is aborted with node's own AbortError as the reason, the
// promise rejects with a DOMException of the same message instead.
const common = require('./common');
const assert = require('node:assert');
const { setTimeout: sleep } = require('node:timers/promises');

(async () => {
  let AbortError;
  try {
    await sleep(1, null, { signal: AbortSignal.abort() });
  } catch (err) {
    AbortError = err.constructor;
  }
  const reason = new AbortError('abc');
  assert.ok(!(reason instanceof DOMException));
  const ac = new AbortController();
  ac.abort(reason);
  await assert.rejects(new ReadableStream().pipeTo(new WritableStream(), { signal: ac.signal }),
                       (err) => {
                         assert.ok(err instanceof DOMException);
                         assert.strictEqual(err.name, 'AbortError');
                         assert.strictEqual(err.message, 'abc');
                         return true;
                       });
})().then(common.mustCall());
