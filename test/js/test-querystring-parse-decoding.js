'use strict';
// querystring.parse decodes a part only when it holds a valid escape, turns
// '+' into a space, and falls back to byte-wise unescaping on bad UTF-8.
require('./common');
const assert = require('node:assert');
const qs = require('node:querystring');

function plain(o) {
  return JSON.parse(JSON.stringify(o));
}
assert.deepStrictEqual(plain(qs.parse('%\u0100=%\u0101')), { '%Ā': '%ā' });
assert.deepStrictEqual(plain(qs.parse('%41=é%')), { A: 'é%' });
assert.deepStrictEqual(plain(qs.parse('%41%41=é%')), { AA: '\ufffd%' });
assert.deepStrictEqual(plain(qs.parse('a+b=c+d')), { 'a b': 'c d' });
assert.deepStrictEqual(plain(qs.parse('x=%2a+%E9é')), { x: '* \ufffd\ufffd' });
assert.deepStrictEqual(plain(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })),
                       { a: '1', b: '2' });
assert.strictEqual(qs.unescapeBuffer('%2%2af%2a').toString(), '%2*f*');
assert.strictEqual(qs.escape('\uD801test'), '%F0%90%91%B4est');
assert.throws(() => qs.escape('\uD800'), { code: 'ERR_INVALID_URI', name: 'URIError' });
