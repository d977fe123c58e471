'use strict';
// URL getters read the parts of the href the C parser reports (issue 6).
require('./common');
const assert = require('node:assert');

function parts(u) {
  return [u.href, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
    u.pathname, u.search, u.hash, u.origin];
}

const full = new URL('https://us%20er:p@ss@EXAMPLE.com:8080/a/./b/../c?q=1#frag');
assert.deepStrictEqual(parts(full), [
  'https://us%20er:p%40ss@example.com:8080/a/c?q=1#frag', 'https:', 'us%20er', 'p%40ss',
  'example.com:8080', 'example.com', '8080', '/a/c', '?q=1', '#frag', 'https://example.com:8080',
]);
assert.deepStrictEqual(parts(new URL('http://:pw@h/')), [
  'http://:pw@h/', 'http:', '', 'pw', 'h', 'h', '', '/', '', '', 'http://h',
]);
assert.deepStrictEqual(parts(new URL('sc:opaque?#')), [
  'sc:opaque?#', 'sc:', '', '', '', '', '', 'opaque', '', '', 'null',
]);
assert.deepStrictEqual(parts(new URL('web+demo:/.//not-a-host/')), [
  'web+demo:/.//not-a-host/', 'web+demo:', '', '', '', '', '', '//not-a-host/', '', '', 'null',
]);
assert.deepStrictEqual(parts(new URL('file://localhost/C|/x y')), [
  'file:///C:/x%20y', 'file:', '', '', '', '', '', '/C:/x%20y', '', '', 'null',
]);
assert.strictEqual(new URL('blob:https://a.com:443/x').origin, 'https://a.com');
assert.strictEqual(new URL('blob:ftp://a.com/x').origin, 'null');
assert.strictEqual(new URL('http://[1:0:0:2:0:0:0:3]:80/').host, '[1:0:0:2::3]');
assert.strictEqual(new URL('http://0300.0250.1/').hostname, '192.168.0.1');
assert.strictEqual(new URL('non-special://h/ ?a b#c d').href, 'non-special://h/%20?a%20b#c%20d');
assert.strictEqual(new URL('http://h/?\'').search, '?%27');
assert.strictEqual(new URL('sc://h/?\'').search, '?\'');
assert.strictEqual(new URL('x', 'http://a/b/c').href, 'http://a/b/x');
assert.strictEqual(String(new URL('http://a')), 'http://a/');
assert.strictEqual(JSON.stringify({ u: new URL('http://a') }), '{"u":"http://a/"}');
// lone surrogates become U+FFFD
assert.strictEqual(new URL('http://h/\ud800').pathname, '/%EF%BF%BD');
