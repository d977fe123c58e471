'use strict';
// win32.normalize keeps reserved device names and stream-like colons
// relative, as node's security fixes require.
require('./common');
const assert = require('node:assert');
const { win32 } = require('node:path');

assert.strictEqual(win32.normalize('CON:'), '.\\CON:.');
assert.strictEqual(win32.normalize('con:a'), '.\\con:a');
assert.strictEqual(win32.normalize('ab:'), '.\\ab:');
assert.strictEqual(win32.normalize('x\\..\\c:'), '.\\c:');
assert.strictEqual(win32.normalize('file:stream'), 'file:stream');
assert.strictEqual(win32.normalize('//?/a/b/'), '\\\\?\\a\\b\\');
assert.strictEqual(win32.normalize('\\\\.\\..\\b'), '\\\\.\\b');
assert.strictEqual(win32.join('x', 'x:/a'), '.\\x\\x:\\a');
