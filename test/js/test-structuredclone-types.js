'use strict';
// structuredClone keeps types, identity within one clone, and V8's choices
// (own enumerable string keys only, class instances become plain objects).
require('./common');
const assert = require('node:assert');

const shared = { n: 1 };
const ab = new ArrayBuffer(8);
const input = {
  date: new Date(5),
  re: Object.assign(/a+/gy, { lastIndex: 3 }),
  map: new Map([[shared, 'v']]),
  set: new Set([shared]),
  boxed: [new Number(3), new String('s'), new Boolean(false), Object(2n)],
  holes: [1, , 3],
  negZero: -0,
  big: 10n,
  views: [new Uint8Array(ab, 2, 4), new DataView(ab), new Float64Array(ab)],
  buf: Buffer.from('hi'),
  err: new RangeError('bad', { cause: shared }),
  instance: new (class A { #hidden = 1; visible = 2; })(),
  nullProto: Object.assign(Object.create(null), { x: 1 }),
  getter: { get g() { return 'got'; } },
};
input.self = input;
input.holes.extra = 'x';
Object.defineProperty(input, 'hidden', { value: 1, enumerable: false });
input[Symbol('s')] = 1;

const out = structuredClone(input);
assert.notStrictEqual(out, input);
assert.strictEqual(out.self, out);
assert.strictEqual(out.date.getTime(), 5);
assert.strictEqual(out.re.source, 'a+');
assert.strictEqual(out.re.flags, 'gy');
assert.strictEqual(out.re.lastIndex, 0);
const [key] = out.map.keys();
assert.deepStrictEqual(key, { n: 1 });
assert.strictEqual([...out.set][0], key);
assert.strictEqual(out.err.cause, key);
assert.strictEqual(typeof out.boxed[3], 'object');
assert.strictEqual(out.boxed[3].valueOf(), 2n);
assert.strictEqual(out.boxed[0] instanceof Number, true);
assert.strictEqual(1 in out.holes, false);
assert.strictEqual(out.holes.length, 3);
assert.strictEqual(out.holes.extra, 'x');
assert.ok(Object.is(out.negZero, -0));
assert.strictEqual(out.big, 10n);
assert.strictEqual(out.views[0].buffer, out.views[1].buffer);
assert.strictEqual(out.views[0].buffer, out.views[2].buffer);
assert.notStrictEqual(out.views[0].buffer, ab);
assert.strictEqual(out.views[0].byteOffset, 2);
assert.strictEqual(out.views[0].length, 4);
assert.strictEqual(Object.getPrototypeOf(out.buf), Uint8Array.prototype);
assert.ok(out.err instanceof RangeError);
assert.strictEqual(out.err.message, 'bad');
assert.strictEqual(out.err.stack, input.err.stack);
assert.deepStrictEqual(Object.getOwnPropertyNames(out.err).sort(), ['cause', 'message', 'stack']);
assert.strictEqual(Object.getPrototypeOf(out.instance), Object.prototype);
assert.deepStrictEqual(out.instance, { visible: 2 });
assert.strictEqual(Object.getPrototypeOf(out.nullProto), Object.prototype);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(out.getter, 'g'),
                       { value: 'got', writable: true, enumerable: true, configurable: true });
assert.strictEqual(out.hidden, undefined);
assert.strictEqual(Object.getOwnPropertySymbols(out).length, 0);

const sab = new SharedArrayBuffer(4);
const sabClone = structuredClone({ sab }).sab;
assert.ok(sabClone instanceof SharedArrayBuffer);
new Uint8Array(sab)[0] = 42;
assert.strictEqual(new Uint8Array(sabClone)[0], 42);

const named = new Error('x');
named.name = 'TypeError';
assert.ok(structuredClone(named) instanceof TypeError);
class MyError extends SyntaxError {}
assert.strictEqual(structuredClone(new MyError('m')).constructor, SyntaxError);
