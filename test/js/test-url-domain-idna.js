'use strict';
// Hosts go through UTS #46 (ICU): mapping, Punycode, invalid domains; domainToASCII/Unicode.
require('./common');
const assert = require('node:assert');
const url = require('node:url');

assert.strictEqual(new URL('http://Bücher.EXAMPLE/').host, 'xn--bcher-kva.example');
assert.strictEqual(new URL('http://faß.de/').host, 'xn--fa-hia.de');
assert.strictEqual(new URL('http://ＥＸＡＭＰＬＥ。com/').host, 'example.com');
assert.strictEqual(new URL('http://a\u00adb.com/').host, 'ab.com');
assert.strictEqual(new URL('http://%F0%9F%92%A9.la/').host, 'xn--ls8h.la');
assert.throws(() => new URL('http://\ufdd0/'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL('http://a%25b/'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL('http://\u0661\u0041/'), { code: 'ERR_INVALID_URL' }); // bidi
assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
assert.strictEqual(url.domainToASCII('EXAMPLE.com'), 'example.com');
assert.strictEqual(url.domainToASCII('1.2.3'), '1.2.0.3');
assert.strictEqual(url.domainToASCII('a b'), '');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
assert.strictEqual(url.domainToUnicode('xn--ls8h.la'), '💩.la');
assert.strictEqual(url.domainToUnicode(''), '');
assert.throws(() => url.domainToASCII(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(url.format(new URL('http://u:p@xn--espaol-zwa.com/a?b#c'),
                              { unicode: true, auth: false, search: false, fragment: false }),
                   'http://español.com/a');
assert.strictEqual(url.format(new URL('http://xn--espaol-zwa.com/a?b#c')),
                   'http://xn--espaol-zwa.com/a?b#c');
assert.strictEqual(url.parse('http://ÉXAMPLE.com/x').hostname, 'xn--xample-9ua.com');
