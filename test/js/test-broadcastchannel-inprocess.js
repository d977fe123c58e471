'use strict';
// BroadcastChannel delivers to every other open channel of the same name.
const common = require('./common');
const assert = require('node:assert');
const { BroadcastChannel, receiveMessageOnPort } = require('node:worker_threads');
const { inspect } = require('node:util');

const a = new BroadcastChannel('news');
const b = new BroadcastChannel('news');
const c = new BroadcastChannel('news');
const other = new BroadcastChannel('sports');
other.onmessage = common.mustNotCall();
a.onmessage = common.mustNotCall();
let pending = 2;
for (const ch of [b, c]) {
  ch.addEventListener('message', common.mustCall((event) => {
    assert.deepStrictEqual(event.data, { headline: 'x' });
    assert.strictEqual(event.target, ch);
    if (--pending === 0) for (const x of [a, b, c, other]) x.close();
  }));
}
a.postMessage({ headline: 'x' });
assert.strictEqual(inspect(a), "BroadcastChannel { name: 'news', active: true }");
assert.throws(() => a.postMessage(() => {}), { name: 'DataCloneError' });

const d = new BroadcastChannel('sync');
const e = new BroadcastChannel('sync');
d.postMessage('now');
assert.strictEqual(receiveMessageOnPort(e).message, 'now');
d.close();
e.close();
assert.throws(() => d.postMessage(1), { name: 'InvalidStateError', message: 'BroadcastChannel is closed.' });
