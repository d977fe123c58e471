'use strict';
// URL setters re-parse with a state override; refused values keep the URL (issue 6).
require('./common');
const assert = require('node:assert');

const u = new URL('http://h/p?q#f');
u.protocol = 'https';
assert.strictEqual(u.href, 'https://h/p?q#f');
u.protocol = 'sc'; // special to non-special is refused
assert.strictEqual(u.protocol, 'https:');
u.username = 'a b';
u.password = 'p:w';
assert.strictEqual(u.href, 'https://a%20b:p%3Aw@h/p?q#f');
u.host = 'example.com:8443';
assert.strictEqual(u.host, 'example.com:8443');
u.port = '443';
assert.strictEqual(u.port, '');
u.port = '80x';
assert.strictEqual(u.port, '80');
u.port = 'x';
assert.strictEqual(u.port, '80');
u.hostname = 'x:1'; // refused
assert.strictEqual(u.hostname, 'example.com');
u.host = 'other.com:99999'; // the host changes, the port is refused
assert.strictEqual(u.host, 'other.com:80');
u.pathname = 'a b/../c';
assert.strictEqual(u.pathname, '/c');
u.search = 'x y';
assert.strictEqual(u.search, '?x%20y');
u.hash = 'frag ment';
assert.strictEqual(u.hash, '#frag%20ment');
u.search = '';
u.hash = '';
assert.strictEqual(u.href, 'https://a%20b:p%3Aw@other.com:80/c');
u.href = 'file:///tmp/x';
assert.strictEqual(u.pathname, '/tmp/x');
u.username = 'no'; // file URLs have no credentials
u.port = '1';
assert.strictEqual(u.href, 'file:///tmp/x');
u.host = 'server';
assert.strictEqual(u.href, 'file://server/tmp/x');
const o = new URL('sc:opaque');
o.pathname = 'x';
o.host = 'y';
assert.strictEqual(o.href, 'sc:opaque');
