'use strict';
// util.inspect shows a Buffer as hex bytes, truncated at INSPECT_MAX_BYTES,
// followed by its own non-index properties.
require('./common');
const assert = require('node:assert');
const util = require('node:util');
const buffer = require('node:buffer');

assert.strictEqual(util.inspect(Buffer.from('abc')), '<Buffer 61 62 63>');
assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(util.inspect(Buffer.alloc(52)),
                   `<Buffer ${'00 '.repeat(50).trim()} ... 2 more bytes>`);
const b = Buffer.from('ab');
b.extra = 1;
assert.strictEqual(util.inspect(b), '<Buffer 61 62, extra: 1>');
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
assert.throws(() => { buffer.INSPECT_MAX_BYTES = -1; }, { code: 'ERR_OUT_OF_RANGE' });
