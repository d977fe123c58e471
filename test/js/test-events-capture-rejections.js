'use strict';
// With captureRejections, a rejected promise returned by a listener becomes
// an 'error' event (or a call to Symbol.for('nodejs.rejection')).
const assert = require('node:assert');
const EventEmitter = require('node:events');

const err = new Error('kaboom');
const ee = new EventEmitter({ captureRejections: true });
ee.on('x', async () => { throw err; });
let errors = 0;
ee.on('error', (e) => { errors++; assert.strictEqual(e, err); });
ee.emit('x');

const ee2 = new EventEmitter({ captureRejections: true });
ee2.on('y', async () => { throw err; });
let rejections = 0;
ee2[EventEmitter.captureRejectionSymbol] = (e, type, ...args) => {
  rejections++;
  assert.strictEqual(e, err);
  assert.strictEqual(type, 'y');
  assert.deepStrictEqual(args, [1]);
};
ee2.emit('y', 1);

assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.captureRejections" property must be of type boolean. ' +
           'Received type number (1)',
});
process.on('exit', () => {
  assert.strictEqual(errors, 1);
  assert.strictEqual(rejections, 1);
});
