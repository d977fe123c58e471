'use strict';
// assert.rejects()/doesNotReject() accept a promise, a thenable with catch()
// or a function returning one, validate like throws(), and report misuse
// through a rejected promise.
const common = require('./common');
const assert = require('node:assert');

assert.rejects(Promise.reject(new TypeError('x')), TypeError).then(common.mustCall());
assert.rejects(async () => { throw new Error('boom'); }, { message: 'boom' }).then(common.mustCall());

assert.rejects(Promise.resolve(), Error).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_ASSERTION');
  assert.strictEqual(err.operator, 'rejects');
  assert.strictEqual(err.message, 'Missing expected rejection (Error).');
}));

assert.rejects(() => {}, Error).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_RETURN_VALUE');
  assert.strictEqual(err.message, 'Expected instance of Promise to be returned from the ' +
                     '"promiseFn" function but got undefined.');
}));

assert.rejects('fail', {}).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
  assert.strictEqual(err.message, 'The "promiseFn" argument must be of type function or an ' +
                     "instance of Promise. Received type string ('fail')");
}));

// A synchronous throw from the function is passed through.
const sync = new Error('sync');
assert.rejects(() => { throw sync; }, {}).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err, sync);
}));

assert.doesNotReject(Promise.resolve(1)).then(common.mustCall());
assert.doesNotReject(async () => assert.fail()).then(common.mustNotCall(), common.mustCall((err) => {
  assert.strictEqual(err.operator, 'doesNotReject');
  assert.strictEqual(err.message, 'Got unwanted rejection.\nActual message: "Failed"');
}));
const thenable = { then(resolve) { resolve(); }, catch() {} };
assert.doesNotReject(thenable).then(common.mustCall());
