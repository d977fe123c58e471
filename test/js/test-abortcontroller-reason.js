'use strict';
// abort() without a reason uses a DOMException AbortError (code 20); the
// 'abort' event is trusted and fires once; throwIfAborted() throws the reason.
const assert = require('node:assert');

const ac = new AbortController();
let events = 0;
ac.signal.onabort = (e) => {
  events++;
  assert.strictEqual(e.type, 'abort');
  assert.strictEqual(e.isTrusted, true);
};
ac.signal.throwIfAborted();
ac.abort();
ac.abort();
assert.strictEqual(events, 1);
assert.strictEqual(ac.signal.aborted, true);
assert.ok(ac.signal.reason instanceof DOMException);
assert.strictEqual(ac.signal.reason.name, 'AbortError');
assert.strictEqual(ac.signal.reason.message, 'This operation was aborted');
assert.strictEqual(ac.signal.reason.code, 20);
assert.throws(() => ac.signal.throwIfAborted(), { name: 'AbortError', code: 20 });

const reason = { custom: true };
assert.strictEqual(AbortSignal.abort(reason).reason, reason);
assert.throws(() => new AbortSignal(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
assert.strictEqual(Object.prototype.toString.call(ac.signal), '[object AbortSignal]');
assert.strictEqual(require('node:util').inspect(ac, { depth: null }),
                   'AbortController { signal: AbortSignal { aborted: true } }');
