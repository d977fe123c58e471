'use strict';
// Typed arrays, DataViews and Buffers passed to bindings: every kind, at an offset, as a
// slice, over a resizable buffer that grows, and detached. cairn reads a view's pointer and
// length from the engine's cell (checked at startup); what a binding sees must be exactly the
// view's bytes.
require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-views-'));
const file = path.join(dir, 'out');

function written(view) {
  const fd = fs.openSync(file, 'w');
  const n = fs.writeSync(fd, view);
  fs.closeSync(fd);
  const got = fs.readFileSync(file);
  assert.strictEqual(n, got.length);
  return got;
}

function bytesOf(view) {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
               Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
for (const Kind of kinds) {
  const ab = new ArrayBuffer(256);
  new Uint8Array(ab).forEach((_, i, a) => { a[i] = (i * 7 + 3) & 0xff; });
  const views = [new Kind(ab, 16, 5), new Kind(ab).subarray(3, 9), new Kind(4), new Kind(ab)];
  for (const v of views) {
    assert.deepStrictEqual(written(v), bytesOf(v), `${Kind.name} ${v.byteOffset}+${v.byteLength}`);
  }
}

// DataView, Buffer slices, a subclass
const ab = new ArrayBuffer(64);
new Uint8Array(ab).fill(0x41);
assert.deepStrictEqual(written(new DataView(ab, 5, 9)), Buffer.alloc(9, 0x41));
const buf = Buffer.from('0123456789abcdef');
assert.strictEqual(written(buf.subarray(4, 10)).toString(), '456789');
assert.strictEqual(buf.toString('utf8', 2, 5), '234');
class Bytes extends Uint8Array {}
assert.strictEqual(written(new Bytes([104, 105])).toString(), 'hi');

// A view that follows a resizable buffer's length sees it grow and shrink.
const rab = new ArrayBuffer(4, { maxByteLength: 64 });
const tracking = new Uint8Array(rab);
tracking.fill(0x62);
assert.strictEqual(written(tracking).toString(), 'bbbb');
rab.resize(10);
tracking.fill(0x63);
assert.strictEqual(written(tracking).toString(), 'cccccccccc');
rab.resize(2);
assert.strictEqual(written(tracking).toString(), 'cc');
const fixed = new Uint8Array(rab, 0, 2);
assert.strictEqual(written(fixed).toString(), 'cc');

// A detached view has no bytes.
const gone = new Uint8Array(16);
structuredClone(gone.buffer, { transfer: [gone.buffer] });
assert.strictEqual(gone.byteLength, 0);
assert.strictEqual(written(gone).length, 0);
assert.strictEqual(Buffer.compare(gone, Buffer.alloc(0)), 0);

fs.rmSync(dir, { recursive: true });
