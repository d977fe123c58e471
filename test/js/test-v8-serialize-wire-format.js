'use strict';
// v8.serialize writes V8's wire format, and deserialize reads it back.
require('./common');
const assert = require('node:assert');
const v8 = require('node:v8');

const hex = (v) => v8.serialize(v).toString('hex');
assert.strictEqual(hex({ a: 1, b: 'x' }), 'ff0f6f2201614902220162220178' + '7b02');
assert.strictEqual(hex([1, , 3]), 'ff0f61034900490249044906400203');
assert.strictEqual(hex('\u20ac'), 'ff0f6302ac20');
assert.strictEqual(hex(-5n), 'ff0f5a110500000000000000');
assert.strictEqual(hex(Buffer.from('hi')), 'ff0f5c0a026869');
assert.strictEqual(hex(new Map([[1, 2]])), 'ff0f3b490249043a02');
assert.strictEqual(hex(/a/gimsuy), 'ff0f522201613f');

const shared = { n: 1 };
const value = {
  int: 7, neg: -3, dbl: 1.5, big: 2n ** 70n, str: 'h\u00e9llo', wide: 'x\u0100',
  arr: [1, 'two', [3]], sparse: [1, , 3], date: new Date(5), re: /x/g,
  map: new Map([['k', shared]]), set: new Set([shared]), buf: Buffer.from([1, 2, 3]),
  u16: new Uint16Array([1, 65535]), nil: null, undef: undefined, bool: false,
};
const back = v8.deserialize(v8.serialize(value));
assert.deepStrictEqual(back, value);
assert.strictEqual(back.map.get('k'), [...back.set][0]);

assert.throws(() => v8.serialize(() => 1), { message: '() => 1 could not be cloned.' });
assert.throws(() => v8.serialize(Promise.resolve()), { message: '#<Promise> could not be cloned.' });
assert.throws(() => v8.deserialize(Buffer.from([1, 2])), {
  message: 'Unable to deserialize cloned data due to invalid or unsupported version.',
});

const ser = new v8.Serializer();
ser.writeHeader();
ser.writeUint32(300);
ser.writeDouble(2.5);
const des = new v8.Deserializer(ser.releaseBuffer());
assert.strictEqual(des.readHeader(), true);
assert.strictEqual(des.getWireFormatVersion(), 15);
assert.strictEqual(des.readUint32(), 300);
assert.strictEqual(des.readDouble(), 2.5);
