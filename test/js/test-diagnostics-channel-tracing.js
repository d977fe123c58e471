'use strict';
// diagnostics_channel: channels, subscribe/publish, tracing channels around
// sync, promise and callback work, and stores bound to the start channel.
const common = require('./common');
const assert = require('node:assert');
const dc = require('node:diagnostics_channel');
const { AsyncLocalStorage } = require('node:async_hooks');

const ch = dc.channel('cairn:test');
assert.ok(ch instanceof dc.Channel);
assert.strictEqual(dc.channel('cairn:test'), ch);
assert.strictEqual(ch.hasSubscribers, false);
const onMessage = common.mustCall((message, name) => {
  assert.deepStrictEqual(message, { hello: 1 });
  assert.strictEqual(name, 'cairn:test');
});
dc.subscribe('cairn:test', onMessage);
assert.strictEqual(dc.hasSubscribers('cairn:test'), true);
ch.publish({ hello: 1 });
assert.strictEqual(dc.unsubscribe('cairn:test', onMessage), true);
assert.strictEqual(dc.unsubscribe('cairn:test', onMessage), false);
ch.publish({ ignored: true });
assert.throws(() => dc.channel(1), { code: 'ERR_INVALID_ARG_TYPE' });

const tc = dc.tracingChannel('cairn:op');
assert.strictEqual(tc.start.name, 'tracing:cairn:op:start');
const log = [];
const handlers = {
  start: (ctx) => log.push(['start', ctx.id]),
  end: (ctx) => log.push(['end', ctx.id, ctx.result]),
  asyncStart: (ctx) => log.push(['asyncStart', ctx.id, ctx.result]),
  asyncEnd: (ctx) => log.push(['asyncEnd', ctx.id]),
  error: (ctx) => log.push(['error', ctx.id, ctx.error.message]),
};
tc.subscribe(handlers);
assert.strictEqual(tc.hasSubscribers, true);

const als = new AsyncLocalStorage();
tc.start.bindStore(als, (ctx) => `store-${ctx.id}`);

assert.strictEqual(tc.traceSync(function(a) {
  assert.strictEqual(als.getStore(), 'store-1');
  return a * 2;
}, { id: 1 }, null, 21), 42);
assert.throws(() => tc.traceSync(() => { throw new Error('sync'); }, { id: 2 }), /sync/);

tc.traceCallback((cb) => setImmediate(cb, null, 'cb-result'), 0, { id: 3 }, null,
                 common.mustCall((err, res) => {
                   assert.strictEqual(res, 'cb-result');
                   assert.strictEqual(als.getStore(), 'store-3');
                 }));

tc.tracePromise(async () => 'p-result', { id: 4 }).then(common.mustCall(() => {
  return tc.tracePromise(async () => { throw new Error('async'); }, { id: 5 });
})).catch(common.mustCall((err) => {
  assert.strictEqual(err.message, 'async');
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(log, [
      ['start', 1], ['end', 1, 42],
      ['start', 2], ['error', 2, 'sync'], ['end', 2, undefined],
      ['start', 3], ['end', 3, undefined],
      ['start', 4], ['end', 4, undefined],
      ['asyncStart', 4, 'p-result'], ['asyncEnd', 4],
      // The promise chain runs before the immediate that calls back.
      ['start', 5], ['end', 5, undefined], ['error', 5, 'async'],
      ['asyncStart', 5, undefined], ['asyncEnd', 5],
      ['asyncStart', 3, 'cb-result'], ['asyncEnd', 3],
    ]);
    assert.strictEqual(tc.unsubscribe(handlers), true);
    assert.strictEqual(tc.start.unbindStore(als), true);
    assert.strictEqual(tc.hasSubscribers, false);
  }));
}));
