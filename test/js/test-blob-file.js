'use strict';
// File is a Blob with a name and a lastModified time.
require('./common');
const assert = require('node:assert');
const util = require('node:util');
const { Blob, File } = require('node:buffer');

const file = new File(['abc'], 'f.txt', { type: 'text/plain', lastModified: 5 });
assert.ok(file instanceof Blob);
assert.strictEqual(file.name, 'f.txt');
assert.strictEqual(file.lastModified, 5);
assert.strictEqual(file.size, 3);
assert.strictEqual(util.inspect(file),
                   "File { size: 3, type: 'text/plain', name: 'f.txt', lastModified: 5 }");
assert.strictEqual(util.inspect(new Blob(['x'])), "Blob { size: 1, type: '' }");
assert.strictEqual(Object.prototype.toString.call(file), '[object File]');
const before = Date.now();
assert.ok(new File([], 'x').lastModified >= before);
assert.throws(() => new File([]), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({}),
              { code: 'ERR_INVALID_THIS' });
