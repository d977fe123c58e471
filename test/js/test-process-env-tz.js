'use strict';
// Setting process.env.TZ changes the zone Date uses, as in node; an unknown zone is UTC;
// deleting it goes back to the machine's zone. The engine applies a change when JavaScript
// is next entered from the event loop (docs/differences.md), so each step waits a turn.
const common = require('./common');
const assert = require('node:assert');

const ms = Date.parse('2018-04-14T12:34:56.789Z');
const local = () => new Date(ms).toString();
const steps = [
  ['Europe/Amsterdam', () => {
    assert.match(local(), /^Sat Apr 14 2018 14:34:56 GMT\+0200 \(.+\)$/);
    assert.strictEqual(new Date(ms).getTimezoneOffset(), -120);
    assert.strictEqual(new Date(ms).getHours(), 14);
  }],
  ['Europe/London', () => {
    assert.match(local(), /^Sat Apr 14 2018 13:34:56 GMT\+0100 \(.+\)$/);
    assert.strictEqual(new Date(2018, 0, 1).getTimezoneOffset(), 0); // winter: GMT
  }],
  ['America/New_York', () => {
    assert.strictEqual(new Date(ms).getHours(), 8);
    assert.strictEqual(new Date('2018-04-14T08:00:00').getTime(),
                       Date.parse('2018-04-14T12:00:00Z'));
  }],
  [':Asia/Tokyo', () => assert.strictEqual(new Date(ms).getHours(), 21)],
  ['Etc/UTC', () => assert.match(local(), /^Sat Apr 14 2018 12:34:56 GMT\+0000 \(.+\)$/)],
  ['Not/AZone', () => assert.match(local(), /^Sat Apr 14 2018 12:34:56 GMT\+0000 \(.+\)$/)],
  [undefined, () => {
    assert.strictEqual(process.env.TZ, undefined);
    local();
  }],
];

(function next(i) {
  if (i === steps.length) return;
  const [tz, check] = steps[i];
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
  setImmediate(common.mustCall(() => {
    check();
    next(i + 1);
  }));
})(0);
