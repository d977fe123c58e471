'use strict';
// Ticks, microtasks, await, timers and immediates started from a promise callback
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
Promise.resolve().then(() => scenario(log, 'p'));

const expected = [
  'p:async-start',
  'p:sync',
  'p:then',
  'p:microtask',
  'p:after-await',
  'p:then>microtask',
  'p:tick',
  'p:then>tick',
  'p:tick>tick',
  'p:tick>then',
  'p:immediate',
  'p:immediate>tick',
  'p:immediate>microtask',
  'p:after-await-immediate',
  'p:immediate>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
