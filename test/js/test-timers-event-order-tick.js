'use strict';
// Ticks, microtasks, await, timers and immediates started from a nextTick
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
process.nextTick(() => scenario(log, 'n'));

const expected = [
  'n:async-start',
  'n:sync',
  'n:tick',
  'n:tick>tick',
  'n:then',
  'n:microtask',
  'n:after-await',
  'n:tick>then',
  'n:then>microtask',
  'n:then>tick',
  'n:immediate',
  'n:immediate>tick',
  'n:immediate>microtask',
  'n:after-await-immediate',
  'n:immediate>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
