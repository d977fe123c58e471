'use strict';
// A paused Readable emits 'readable', 'data' per read(), 'readable' again
// at EOF, then 'end' and finally 'close', each on a later tick than the
// push that caused it.
const common = require('./common');
const assert = require('node:assert');
const { Readable } = require('node:stream');

const events = [];
const r = new Readable({ read() {} });
r.push('a');
r.push('b');
r.push(null);
events.push('pushed');

r.on('readable', common.mustCall(() => {
  events.push('readable');
  let chunk;
  while ((chunk = r.read()) !== null) events.push(`read:${chunk}`);
}, 2));
r.on('data', (chunk) => events.push(`data:${chunk}`));
r.on('end', common.mustCall(() => events.push('end')));
r.on('close', common.mustCall(() => {
  events.push('close');
  assert.deepStrictEqual(events, [
    'pushed', 'readable', 'data:ab', 'read:ab', 'readable', 'end', 'close',
  ]);
  assert.strictEqual(r.readableEnded, true);
  assert.strictEqual(r.destroyed, true);
}));
