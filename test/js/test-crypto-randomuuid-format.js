'use strict';
// randomUUID() gives distinct version 4 UUIDs, cached or not.
require('./common');
const assert = require('node:assert');
const crypto = require('node:crypto');

const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const seen = new Set();
for (let i = 0; i < 300; i++) {
  const uuid = crypto.randomUUID(i % 2 ? { disableEntropyCache: true } : undefined);
  assert.match(uuid, re);
  assert.ok(!seen.has(uuid));
  seen.add(uuid);
}
assert.throws(() => crypto.randomUUID(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received null',
});
assert.throws(() => crypto.randomUUID({ disableEntropyCache: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
