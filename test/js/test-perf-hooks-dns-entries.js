'use strict';
// A PerformanceObserver of type 'dns' receives one 'lookup' entry per
// successful dns.lookup, with node's detail fields; the timeline keeps none.
const common = require('./common');
const assert = require('node:assert');
const dns = require('node:dns');
const { PerformanceObserver, performance } = require('node:perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
obs.observe({ type: 'dns' });

let ok = 0;
dns.lookup('localhost', { all: true }, common.mustCall((err) => {
  if (!err) ok++;
}));

process.on('exit', () => {
  assert.strictEqual(entries.length, ok);
  assert.strictEqual(performance.getEntries().length, 0);
  for (const e of entries) {
    assert.strictEqual(e.name, 'lookup');
    assert.strictEqual(e.entryType, 'dns');
    assert.strictEqual(typeof e.startTime, 'number');
    assert.strictEqual(typeof e.duration, 'number');
    assert.deepStrictEqual(Object.keys(e.detail),
                           ['hostname', 'family', 'hints', 'verbatim', 'order', 'addresses']);
    assert.strictEqual(e.detail.hostname, 'localhost');
    assert.strictEqual(typeof e.detail.addresses[0].address, 'string');
    assert.ok([4, 6].includes(e.detail.addresses[0].family));
  }
});
