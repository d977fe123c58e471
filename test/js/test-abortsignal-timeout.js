'use strict';
// AbortSignal.timeout() aborts with a TimeoutError DOMException, and its
// timer does not keep the process alive.
const assert = require('node:assert');

const signal = AbortSignal.timeout(10);
assert.strictEqual(signal.aborted, false);
let fired = false;
signal.addEventListener('abort', () => {
  fired = true;
  assert.strictEqual(signal.reason.name, 'TimeoutError');
  assert.strictEqual(signal.reason.code, 23);
  assert.strictEqual(signal.reason.message, 'The operation was aborted due to timeout');
});
setTimeout(() => assert.ok(fired), 50);
// Would keep the process running for 20 minutes if the timer were ref'd.
AbortSignal.timeout(1_200_000);
assert.throws(() => AbortSignal.timeout(-1), { code: 'ERR_OUT_OF_RANGE' });
process.on('exit', () => assert.ok(fired));
