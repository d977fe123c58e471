'use strict';
// close(cb), reset(), params() and writes after close behave like node's.
const common = require('./common');
const assert = require('node:assert');
const zlib = require('node:zlib');

const d = zlib.createDeflate({ level: 9 });
const out = [];
d.on('data', (c) => out.push(c));
d.write('before params ', common.mustCall(() => {
  d.params(0, zlib.constants.Z_DEFAULT_STRATEGY, common.mustCall(() => {
    assert.strictEqual(d._level, 0);
    d.end('after params');
  }));
}));
d.on('end', common.mustCall(() => {
  assert.strictEqual(zlib.inflateSync(Buffer.concat(out)).toString(),
                     'before params after params');
}));

const g = zlib.createGzip();
g.close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
}));
assert.strictEqual(g._handle, null);
g.on('close', common.mustCall(() => {
  g.write('x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
  }));
}));
g.on('error', common.mustNotCall());

const inf = zlib.createInflate();
inf.reset();
assert.throws(() => {
  const c = zlib.createGunzip();
  c.close();
  c.reset();
}, /zlib binding closed/);
