'use strict';
// TextEncoder.encodeInto writes whole characters only and reports the UTF-16
// units read and bytes written.
require('./common');
const assert = require('node:assert');

const enc = new TextEncoder();
assert.deepStrictEqual(enc.encodeInto('a€', new Uint8Array(3)), { read: 1, written: 1 });
assert.deepStrictEqual(enc.encodeInto('a€', new Uint8Array(4)), { read: 2, written: 4 });
assert.deepStrictEqual(enc.encodeInto('😀', new Uint8Array(3)), { read: 0, written: 0 });
assert.deepStrictEqual(enc.encodeInto('😀', new Uint8Array(4)), { read: 2, written: 4 });
assert.deepStrictEqual([...enc.encode('\ud800')], [0xef, 0xbf, 0xbd]);
assert.strictEqual(enc.encode().length, 0);
assert.ok(!Buffer.isBuffer(enc.encode('x')));
assert.throws(() => enc.encodeInto('a', []), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => TextEncoder.prototype.encode.call({}), { code: 'ERR_INVALID_THIS' });
