'use strict';
// group() indents every line of later output, on stdout and stderr, by
// groupIndentation spaces per level; groupEnd() undoes one level.
const assert = require('node:assert');
const { Console } = require('node:console');

let out = '';
let err = '';
const c = new Console({
  stdout: { write(s) { out += s; } },
  stderr: { write(s) { err += s; } },
  ignoreErrors: false,
  groupIndentation: 3,
});

c.group('title');
c.log('a\nb');
c.group();
c.error({ x: 1 });
c.groupEnd();
c.groupCollapsed();
c.info('c');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('d');

assert.strictEqual(out, 'title\n   a\n   b\n      c\nd\n');
assert.strictEqual(err, '      { x: 1 }\n');

for (const bad of [-1, 1001, 1.5]) {
  assert.throws(() => new Console({ stdout: process.stdout, groupIndentation: bad }),
                { code: 'ERR_OUT_OF_RANGE' });
}
assert.throws(() => new Console({ stdout: process.stdout, groupIndentation: '2' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
