'use strict';
// util.inspect(url, { showHidden: true }) shows node's URLContext offsets.
require('./common');
const assert = require('node:assert');
const util = require('node:util');

const url = new URL('https://user:pw@example.com:8080/a/b?q=1#h');
const out = util.inspect(url, { showHidden: true });
assert.match(out, /protocol_end: 6,\n {4}username_end: 12,\n {4}host_start: 15,\n/);
assert.match(out, /host_end: 27,\n {4}pathname_start: 32,\n {4}search_start: 36,\n/);
assert.match(out, /hash_start: 40,\n {4}port: 8080,/);
assert.match(out, /scheme_type: 2,/);
const plain = util.inspect(new URL('sc:x'), { showHidden: true });
assert.match(plain, /port: 4294967295,/);
assert.match(plain, /scheme_type: 1,/);
assert.match(util.inspect(new URL('http://a/?x=1')),
             /searchParams: URLSearchParams \{ 'x' => '1' \}/);
