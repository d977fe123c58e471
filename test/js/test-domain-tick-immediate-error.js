'use strict';
// Errors thrown from nextTick and setImmediate callbacks scheduled inside a
// domain reach that domain, each its own.
const common = require('./common');
const assert = require('node:assert');
const domain = require('node:domain');

const d1 = domain.create();
const d2 = domain.create();
d1.on('error', common.mustCall((err) => assert.strictEqual(err.message, 'tick')));
d2.on('error', common.mustCall((err) => assert.strictEqual(err.message, 'immediate')));
d1.run(() => process.nextTick(() => { throw new Error('tick'); }));
d2.run(() => setImmediate(() => { throw new Error('immediate'); }));
