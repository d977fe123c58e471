'use strict';
// AsyncResource: ids, init/before/after/destroy hooks, runInAsyncScope with the
// store of its creation, bind(), and createHook validation.
const common = require('./common');
const assert = require('node:assert');
const {
  AsyncLocalStorage, AsyncResource, createHook, executionAsyncId, executionAsyncResource,
  triggerAsyncId, asyncWrapProviders,
} = require('node:async_hooks');

const events = [];
const ids = new Set();
const hook = createHook({
  init(id, type, trigger, resource) {
    if (type !== 'TEST') return;
    ids.add(id);
    events.push(['init', id, trigger, resource]);
  },
  before(id) { if (ids.has(id)) events.push(['before', id]); },
  after(id) { if (ids.has(id)) events.push(['after', id]); },
  destroy(id) { if (ids.has(id)) events.push(['destroy', id]); },
});
assert.strictEqual(hook.enable(), hook);

const als = new AsyncLocalStorage();
const outerId = executionAsyncId();
const resource = als.run('created', () => new AsyncResource('TEST'));
assert.strictEqual(typeof resource.asyncId(), 'number');
assert.strictEqual(resource.triggerAsyncId(), outerId);
assert.deepStrictEqual(events, [['init', resource.asyncId(), outerId, resource]]);

const result = resource.runInAsyncScope(function(a, b) {
  assert.strictEqual(this, 'self');
  assert.strictEqual(executionAsyncId(), resource.asyncId());
  assert.strictEqual(triggerAsyncId(), outerId);
  assert.strictEqual(executionAsyncResource(), resource);
  assert.strictEqual(als.getStore(), 'created');
  return a + b;
}, 'self', 2, 3);
assert.strictEqual(result, 5);
assert.strictEqual(executionAsyncId(), outerId);
assert.deepStrictEqual(events.slice(1), [['before', resource.asyncId()], ['after', resource.asyncId()]]);

const bound = resource.bind(function(x) { return [x, als.getStore()]; });
assert.strictEqual(bound.length, 1);
assert.deepStrictEqual(bound(7), [7, 'created']);

const staticBound = als.run('static', () => AsyncResource.bind(() => als.getStore()));
assert.strictEqual(staticBound(), 'static');

resource.emitDestroy();
setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(events.at(-1), ['destroy', resource.asyncId()]);
  hook.disable();
}));

assert.throws(() => createHook({ init: 1 }), {
  code: 'ERR_ASYNC_CALLBACK', message: 'hook.init must be a function',
});
assert.throws(() => new AsyncResource(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new AsyncResource('X', { triggerAsyncId: -5 }), {
  code: 'ERR_INVALID_ASYNC_ID', message: 'Invalid triggerAsyncId value: -5',
});
assert.strictEqual(asyncWrapProviders.MESSAGEPORT, 21);
assert.ok(Object.isFrozen(asyncWrapProviders));
