'use strict';
// Results of path functions that follow node's historical quirks exactly.
require('./common');
const assert = require('node:assert');
const path = require('node:path');

assert.strictEqual(path.posix.dirname('//a'), '//');
assert.strictEqual(path.posix.dirname('/a//b'), '/a/');
assert.strictEqual(path.posix.basename('aaa/bbb/', 'a/bbb'), 'bbb/');
assert.strictEqual(path.posix.basename('///', 'x'), '///');
assert.deepStrictEqual(path.posix.parse('/..'),
                       { root: '/', dir: '/', base: '..', ext: '.', name: '.' });
assert.strictEqual(path.win32.relative('\\ab', '\\abc'), 'c');
assert.strictEqual(path.win32.relative('\\abc', '\\ab'), '');
assert.strictEqual(path.format({ name: 'x', ext: 'png' }), 'x.png');
assert.throws(() => path.join('a', null), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(() => path.resolve('a', 1), { message: /"paths\[1\]" argument/ });
