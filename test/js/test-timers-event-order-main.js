'use strict';
// Ticks, microtasks, await, timers and immediates started from the main script
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
scenario(log, 'm');

const expected = [
  'm:async-start',
  'm:sync',
  'm:tick',
  'm:tick>tick',
  'm:then',
  'm:microtask',
  'm:after-await',
  'm:tick>then',
  'm:then>microtask',
  'm:then>tick',
  'm:immediate',
  'm:immediate>tick',
  'm:immediate>microtask',
  'm:after-await-immediate',
  'm:immediate>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
