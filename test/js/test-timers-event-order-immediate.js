'use strict';
// Ticks, microtasks, await, timers and immediates started from an immediate
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
setImmediate(() => scenario(log, 'i'));

const expected = [
  'i:async-start',
  'i:sync',
  'i:tick',
  'i:tick>tick',
  'i:then',
  'i:microtask',
  'i:after-await',
  'i:tick>then',
  'i:then>microtask',
  'i:then>tick',
  'i:immediate',
  'i:immediate>tick',
  'i:immediate>microtask',
  'i:after-await-immediate',
  'i:immediate>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
