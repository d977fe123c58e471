'use strict';
// Ticks, microtasks, await, timers and immediates started from an fs callback
// run in node 22's order (recorded from node).
const assert = require('node:assert');
const scenario = require('./fixtures/event-order-scenario');

const events = [];
const log = (m) => events.push(m);
require('node:fs').stat(__filename, () => scenario(log, 'f', true));

const expected = [
  'f:async-start',
  'f:sync',
  'f:tick',
  'f:tick>tick',
  'f:then',
  'f:microtask',
  'f:after-await',
  'f:tick>then',
  'f:then>microtask',
  'f:then>tick',
  'f:immediate',
  'f:immediate>tick',
  'f:immediate>microtask',
  'f:after-await-immediate',
  'f:timeout',
  'f:timeout>tick',
  'f:timeout>then',
  'f:immediate>immediate',
  'f:timeout>immediate',
];
process.on('exit', () => assert.deepStrictEqual(events, expected));
