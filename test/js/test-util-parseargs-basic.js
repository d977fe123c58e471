'use strict';
// util.parseArgs: short groups, inline values, defaults, tokens and errors.
require('./common');
const assert = require('node:assert');
const { parseArgs } = require('node:util');

const options = {
  verbose: { type: 'boolean', short: 'v' },
  file: { type: 'string', short: 'f', multiple: true },
  level: { type: 'string', default: 'info' },
};
const { values, positionals } = parseArgs({
  args: ['-vfone', '--file', 'two', '--file=three', 'pos', '--', '--not-an-option'],
  options,
  allowPositionals: true,
});
assert.deepStrictEqual({ ...values },
                       { verbose: true, file: ['one', 'two', 'three'], level: 'info' });
assert.deepStrictEqual(positionals, ['pos', '--not-an-option']);

const { tokens } = parseArgs({ args: ['-v', 'x'], options, allowPositionals: true, tokens: true });
assert.deepStrictEqual(tokens, [
  { kind: 'option', name: 'verbose', rawName: '-v', index: 0, value: undefined,
    inlineValue: undefined },
  { kind: 'positional', index: 1, value: 'x' },
]);

assert.throws(() => parseArgs({ args: ['--nope'], options }),
              { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
assert.throws(() => parseArgs({ args: ['pos'], options }),
              { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' });
assert.throws(() => parseArgs({ args: ['--level'], options }),
              { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
                message: "Option '--level <value>' argument missing" });
assert.throws(() => parseArgs({ args: ['--verbose=1'], options }),
              { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
assert.throws(() => parseArgs({ args: [], options: { x: { type: 'number' } } }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.deepStrictEqual(
  { ...parseArgs({ args: ['--loose', '-ab'], strict: false }).values },
  { loose: true, a: true, b: true });
