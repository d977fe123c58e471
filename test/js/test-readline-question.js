'use strict';
// question() with a callback, with util.promisify, through
// readline/promises, and cancelled by an AbortSignal.
const common = require('./common');
const assert = require('node:assert');
const readline = require('node:readline');
const readlinePromises = require('node:readline/promises');
const util = require('node:util');
const { PassThrough } = require('node:stream');

{
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => { out += d; });
  const rl = readline.createInterface({ input, output });
  rl.question('name? ', common.mustCall((answer) => {
    assert.strictEqual(answer, 'cairn');
    assert.strictEqual(out, 'name? ');
    assert.strictEqual(rl.getPrompt(), '> ');
    rl.close();
  }));
  input.write('cairn\n');
}

{
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  util.promisify(rl.question).call(rl, 'q').then(common.mustCall((answer) => {
    assert.strictEqual(answer, 'p');
    rl.close();
  }));
  input.write('p\n');
}

{
  const input = new PassThrough();
  const rl = readlinePromises.createInterface({ input });
  const ac = new AbortController();
  rl.question('q', { signal: ac.signal }).then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
    rl.question('again').then(common.mustCall((answer) => {
      assert.strictEqual(answer, 'yes');
      rl.close();
    }));
    input.write('yes\n');
  }));
  ac.abort();
}
