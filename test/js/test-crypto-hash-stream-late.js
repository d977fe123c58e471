'use strict';
// A Hash made before anything loaded node:stream is still a full Transform:
// stream methods, events, `in`, instanceof and the prototype chain all work
// when first reached through the hash, and the digest is unaffected.
const common = require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
assert.strictEqual(crypto.createHash('sha256').update('abc').digest('hex'), abc);

const h = crypto.createHash('sha256');
h.mark = 1; // a plain property on the instance
assert.ok('pipe' in h);
assert.strictEqual(typeof h.on, 'function');
h.on('data', common.mustCall((d) => assert.strictEqual(d.toString('hex'), abc)));
h.end('abc');

const { Transform, Duplex } = require('node:stream');
const EventEmitter = require('node:events');
const h2 = crypto.createHmac('sha256', 'k');
assert.ok(h2 instanceof Transform);
assert.ok(h2 instanceof Duplex);
assert.ok(h2 instanceof EventEmitter);
const lazyProto = Object.getPrototypeOf(Object.getPrototypeOf(crypto.createHash('md5')));
assert.strictEqual(Object.getPrototypeOf(lazyProto), Transform.prototype);
assert.strictEqual(h.mark, 1);
assert.ok(!Object.keys(crypto.createHash('md5')).includes('pipe'));
