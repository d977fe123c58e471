'use strict';
// process.nextTick reports each tick to async_hooks as a TickObject (init,
// before, after, destroy), and the tick runs with its own async id, triggered
// by the code that queued it; the main script runs as async id 1.
const common = require('./common');
const assert = require('node:assert');
const async_hooks = require('node:async_hooks');

assert.strictEqual(async_hooks.executionAsyncId(), 1);

const events = [];
let tickId;
const hook = async_hooks.createHook({
  init(id, type, triggerId, resource) {
    if (type !== 'TickObject') return;
    tickId = id;
    assert.strictEqual(triggerId, async_hooks.executionAsyncId());
    assert.strictEqual(typeof resource, 'object');
    events.push('init');
  },
  before(id) { if (id === tickId) events.push('before'); },
  after(id) { if (id === tickId) events.push('after'); },
  destroy(id) { if (id === tickId) events.push('destroy'); },
}).enable();

process.nextTick(common.mustCall(() => {
  events.push('run');
  assert.strictEqual(async_hooks.executionAsyncId(), tickId);
  assert.strictEqual(async_hooks.triggerAsyncId(), 1);
}));
assert.deepStrictEqual(events, ['init']);

// destroy hooks run in a batch, later.
setImmediate(common.mustCall(() => {
  setImmediate(common.mustCall(() => {
    hook.disable();
    assert.deepStrictEqual(events, ['init', 'before', 'run', 'after', 'destroy']);
  }));
}));
