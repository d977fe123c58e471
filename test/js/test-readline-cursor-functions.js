'use strict';
// cursorTo, moveCursor, clearLine and clearScreenDown write ANSI sequences and
// validate their arguments; readline/promises Readline batches them.
const common = require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const { Readline } = require('node:readline/promises');
const { Writable } = require('node:stream');

let written = '';
const stream = new Writable({
  write(chunk, enc, cb) {
    written += chunk;
    cb();
  },
});
function take() {
  const s = written;
  written = '';
  return s;
}

readline.cursorTo(stream, 3);
assert.strictEqual(take(), '\x1b[4G');
readline.cursorTo(stream, 3, 5);
assert.strictEqual(take(), '\x1b[6;4H');
readline.moveCursor(stream, -2, 3);
assert.strictEqual(take(), '\x1b[2D\x1b[3B');
readline.moveCursor(stream, 0, 0);
assert.strictEqual(take(), '');
readline.clearLine(stream, -1);
readline.clearLine(stream, 1);
readline.clearLine(stream, 0);
assert.strictEqual(take(), '\x1b[1K\x1b[0K\x1b[2K');
readline.clearScreenDown(stream);
assert.strictEqual(take(), '\x1b[0J');
assert.throws(() => readline.cursorTo(stream, 'a', 1), { code: 'ERR_INVALID_CURSOR_POS' });
assert.throws(() => readline.cursorTo(stream, NaN), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => readline.clearLine(stream, 0, 'cb'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(readline.cursorTo(null, 1, common.mustCall()), true);

const rl = new Readline(stream);
rl.cursorTo(1).moveCursor(1, -1).clearLine(0).clearScreenDown();
assert.strictEqual(take(), '');
rl.commit().then(common.mustCall(() => {
  assert.strictEqual(take(), '\x1b[2G\x1b[1C\x1b[1A\x1b[2K\x1b[0J');
  rl.cursorTo(0).rollback();
  return rl.commit();
})).then(common.mustCall(() => assert.strictEqual(take(), '')));
