'use strict';
// The legacy url.parse() keeps node's historical results.
require('./common');
const assert = require('node:assert');
const url = require('node:url');

const u = url.parse('http://user:pa%20ss@Host.com:8080/p/a/t/h?query=string#hash', true);
assert.strictEqual(u.auth, 'user:pa ss');
assert.strictEqual(u.host, 'host.com:8080');
assert.strictEqual(u.port, '8080');
assert.strictEqual(u.pathname, '/p/a/t/h');
assert.deepStrictEqual({ ...u.query }, { query: 'string' });
assert.strictEqual(u.href, 'http://user:pa%20ss@host.com:8080/p/a/t/h?query=string#hash');
assert.strictEqual(url.parse('http://a b/c').href, 'http://a/%20b/c');
assert.strictEqual(url.parse('http://a\tb/c\td').href, 'http://ab/c%09d');
assert.strictEqual(url.parse('//foo/bar', false, true).host, 'foo');
assert.strictEqual(url.parse('http:\\\\a\\b?c\\d').href, 'http://a/b?c%5Cd');
assert.throws(() => url.parse('http://\u00a0x.com/'), { code: 'ERR_INVALID_URL' });
assert.strictEqual(url.format({ protocol: 'file', pathname: 'x' }), 'file://x');
assert.strictEqual(url.resolve('http://a/b/c', '../d'), 'http://a/d');
