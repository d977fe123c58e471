'use strict';
// Emitters made inside a domain (or added to it) send unhandled 'error'
// events to the domain; bind() and intercept() run callbacks in the domain.
const common = require('./common');
const assert = require('node:assert');
const domain = require('node:domain');
const EventEmitter = require('node:events');

const d = domain.create();
let inner;
d.run(() => {
  inner = new EventEmitter();
});
assert.strictEqual(inner.domain, d);
const errors = [];
d.on('error', (err) => errors.push(err));

const e1 = new EventEmitter();
assert.strictEqual(e1.domain, null);
d.add(e1);
assert.deepStrictEqual(d.members, [e1]);
const err1 = new Error('one');
e1.emit('error', err1);
assert.strictEqual(err1.domainEmitter, e1);
assert.strictEqual(err1.domain, d);
assert.strictEqual(err1.domainThrown, false);
inner.emit('error');
assert.strictEqual(errors[1].code, 'ERR_UNHANDLED_ERROR');
d.remove(e1);
assert.strictEqual(e1.domain, null);
assert.throws(() => e1.emit('error', new Error('plain')), /plain/);

const bound = d.bind(common.mustCall(function(x) {
  assert.strictEqual(process.domain, d);
  return x * 2;
}));
assert.strictEqual(bound(21), 42);
const intercepted = d.intercept(common.mustCall((value) => assert.strictEqual(value, 'ok')));
intercepted(null, 'ok');
const err3 = new Error('three');
intercepted(err3);
assert.deepStrictEqual(errors, [err1, errors[1], err3]);
