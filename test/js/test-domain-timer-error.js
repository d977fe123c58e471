'use strict';
// An error thrown in a timer scheduled inside domain.run() goes to the
// domain's 'error' listeners with err.domain and err.domainThrown; timers
// outside any domain see process.domain === null.
const common = require('./common');
const assert = require('node:assert');
const domain = require('node:domain');

const d = domain.create();
d.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'boom');
  assert.strictEqual(err.domain, d);
  assert.strictEqual(err.domainThrown, true);
  setTimeout(common.mustCall(() => assert.strictEqual(process.domain, null)), 1);
}));
d.run(() => {
  assert.strictEqual(process.domain, d);
  assert.strictEqual(domain.active, d);
  setTimeout(() => {
    assert.strictEqual(process.domain, d);
    throw new Error('boom');
  }, 1);
});
assert.notStrictEqual(process.domain, d);
