'use strict';
// tty.WriteStream#getColorDepth/hasColors read the environment passed in.
require('./common');
const assert = require('node:assert');
const { WriteStream, isatty } = require('node:tty');

const depth = (env) => WriteStream.prototype.getColorDepth.call(null, env);
assert.strictEqual(depth({}), 1);
assert.strictEqual(depth({ TERM: 'xterm-256color' }), 8);
assert.strictEqual(depth({ TERM: 'screen-256color' }), 4);
assert.strictEqual(depth({ TERM: 'dumb', COLORTERM: '1' }), 1);
assert.strictEqual(depth({ COLORTERM: 'truecolor' }), 24);
assert.strictEqual(depth({ FORCE_COLOR: '0', TERM: 'xterm' }), 1);
assert.strictEqual(depth({ FORCE_COLOR: '3' }), 24);
assert.strictEqual(depth({ NO_COLOR: '1', TERM: 'xterm' }), 1);
assert.strictEqual(depth({ TMUX: '1' }), 8);
assert.strictEqual(depth({ CI: '1' }), 1);
assert.strictEqual(depth({ CI: '1', TRAVIS: '1' }), 8);
assert.strictEqual(depth({ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1' }), 24);
assert.strictEqual(depth({ TERM: 'mosh' }), 24);

const has = WriteStream.prototype.hasColors;
assert.strictEqual(has.call(null, { TERM: 'xterm' }), true);
assert.strictEqual(has.call(null, 256, { TERM: 'xterm' }), false);
assert.throws(() => has.call(null, 1, {}), { code: 'ERR_OUT_OF_RANGE' });

assert.strictEqual(isatty(-1), false);
assert.strictEqual(isatty(1.5), false);
assert.strictEqual(isatty('1'), false);
assert.throws(() => new WriteStream(-1), { code: 'ERR_INVALID_FD' });
