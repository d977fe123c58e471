'use strict';
// Headers: invalid names, values, init shapes and argument counts throw
// TypeErrors with undici's messages; Response.error() headers are immutable.
require('./common');
const assert = require('node:assert');

const cases = [
  [() => new Headers({ 'a b': 'x' }), 'Headers.append: "a b" is an invalid header name.'],
  [() => new Headers([['a']]),
   'Headers constructor: expected name/value pair to be length 2, found 1.'],
  [() => new Headers(5), 'Headers constructor: Argument 1 could not be converted to one of: ' +
   'sequence<sequence<ByteString>>, record<ByteString, ByteString>.'],
  [() => new Headers().get('a b'), 'Headers.get: "a b" is an invalid header name.'],
  [() => new Headers().set('a', 'x\0y'), 'Headers.set: "x\0y" is an invalid header value.'],
  [() => new Headers().get(), 'Headers.get: 1 argument required, but 0 found.'],
  [() => new Headers().append('a'), 'Headers.append: 2 arguments required, but only 1 found.'],
  [() => new Headers({ a: '\u0101' }), 'Cannot convert argument to a ByteString because the ' +
   'character at index 0 has a value of 257 which is greater than 255.'],
  [() => Response.error().headers.set('a', 'b'), 'immutable'],
];
for (const [fn, message] of cases) {
  assert.throws(fn, { name: 'TypeError', message });
}
assert.throws(() => Headers.prototype.get.call({}, 'a'), {
  name: 'TypeError', code: 'ERR_INVALID_THIS',
});
// Surrounding whitespace, including a newline, is trimmed away rather than rejected.
assert.strictEqual(new Headers({ a: 'x\n' }).get('a'), 'x');
