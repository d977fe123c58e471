'use strict';
// timers.enroll/_unrefActive/active/unenroll each emit their deprecation
// warning (DEP0095, DEP0127, DEP0126, DEP0096) once, as node 22 does.
const common = require('./common');
const assert = require('node:assert');
const timers = require('node:timers');

const seen = [];
process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.name, 'DeprecationWarning');
  seen.push(`${w.code} ${w.message}`);
}, 4));

const item = { _onTimeout: common.mustNotCall() };
timers.enroll(item, 1000);
timers._unrefActive(item);
timers.active(item);
timers.active(item);
timers.unenroll(item);
timers.unenroll(item);

process.on('exit', () => {
  assert.deepStrictEqual(seen, [
    'DEP0095 timers.enroll() is deprecated. Please use setTimeout instead.',
    'DEP0127 timers._unrefActive() is deprecated. Please use timeout.refresh() instead.',
    'DEP0126 timers.active() is deprecated. Please use timeout.refresh() instead.',
    'DEP0096 timers.unenroll() is deprecated. Please use clearTimeout instead.',
  ]);
});
