'use strict';
// fileURLToPath / pathToFileURL round-trip and reject what node rejects.
require('./common');
const assert = require('node:assert');
const { fileURLToPath, pathToFileURL } = require('node:url');

assert.strictEqual(fileURLToPath('file:///a/b%20c'), '/a/b c');
assert.strictEqual(pathToFileURL('/a/b c#?%').href, 'file:///a/b%20c%23%3F%25');
assert.strictEqual(pathToFileURL('/a/b/').href, 'file:///a/b/');
assert.strictEqual(fileURLToPath(pathToFileURL('/x/\u00e9')), '/x/\u00e9');
assert.throws(() => fileURLToPath('file:///a%2fb'), { code: 'ERR_INVALID_FILE_URL_PATH' });
assert.throws(() => fileURLToPath('file://host/a'), { code: 'ERR_INVALID_FILE_URL_HOST' });
assert.throws(() => fileURLToPath('http://a/'), { code: 'ERR_INVALID_URL_SCHEME' });
assert.strictEqual(fileURLToPath('file:///C:/a', { windows: true }), 'C:\\a');
