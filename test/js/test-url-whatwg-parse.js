'use strict';
// The WHATWG URL parser: hosts, ports, paths and search params.
require('./common');
const assert = require('node:assert');
const { URL, URLSearchParams } = require('node:url');

assert.strictEqual(new URL('http://0x7f.1/').href, 'http://127.0.0.1/');
assert.strictEqual(new URL('http://[::ffff:1.2.3.4]/').host, '[::ffff:102:304]');
assert.strictEqual(new URL('HTTP://a:80/x/../y?q#h').href, 'http://a/y?q#h');
assert.strictEqual(new URL('file:///C:/x/../..').href, 'file:///C:/');
assert.strictEqual(new URL('http://ÉXAMPLE.com/').host, 'xn--xample-9ua.com');
assert.strictEqual(new URL('../c', 'http://a/b/d').href, 'http://a/c');
assert.throws(() => new URL('x'), { name: 'TypeError', code: 'ERR_INVALID_URL', input: 'x' });
assert.strictEqual(URL.canParse('http://a'), true);
assert.strictEqual(URL.canParse('a'), false);

const u = new URL('https://u:p@a.com:8080/p?x=1&y=2#h');
assert.strictEqual(u.origin, 'https://a.com:8080');
u.searchParams.append('z', 'a b');
assert.strictEqual(u.search, '?x=1&y=2&z=a+b');
u.search = '?k=v';
assert.strictEqual(u.searchParams.get('k'), 'v');
u.port = '443';
assert.strictEqual(u.host, 'a.com');

const sp = new URLSearchParams({ b: '2', a: '1' });
sp.sort();
assert.strictEqual(sp.toString(), 'a=1&b=2');
assert.deepStrictEqual([...sp.keys()], ['a', 'b']);
assert.strictEqual(sp.size, 2);
