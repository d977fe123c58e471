'use strict';
// Ticks, microtasks, await, timers and immediates started from a timer
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
setTimeout(() => scenario(log, 't', true), 1);

const expected = [
  't:async-start',
  't:sync',
  't:tick',
  't:tick>tick',
  't:then',
  't:microtask',
  't:after-await',
  't:tick>then',
  't:then>microtask',
  't:then>tick',
  't:immediate',
  't:immediate>tick',
  't:immediate>microtask',
  't:after-await-immediate',
  't:timeout',
  't:timeout>tick',
  't:timeout>then',
  't:immediate>immediate',
  't:timeout>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
