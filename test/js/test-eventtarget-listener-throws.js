'use strict';
// An exception in an EventTarget listener does not stop the others; it is
// reported through 'uncaughtException' afterwards.
const assert = require('node:assert');

const et = new EventTarget();
const order = [];
et.addEventListener('x', () => { order.push(1); throw new Error('boom'); });
et.addEventListener('x', () => order.push(2));
process.on('uncaughtException', (err, origin) => {
  order.push(err.message);
  assert.strictEqual(origin, 'uncaughtException');
});
et.dispatchEvent(new Event('x'));
order.push('after');
process.on('exit', () => assert.deepStrictEqual(order, [1, 2, 'after', 'boom']));
