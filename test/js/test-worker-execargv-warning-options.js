'use strict';
// A Worker's execArgv warning options (--disable-warning, --no-deprecation)
// apply inside the worker.
const common = require('./common');
const assert = require('node:assert');
const { Worker } = require('node:worker_threads');

const code = `
  process.emitWarning('one', 'DeprecationWarning', 'DEPX1');
  process.emitWarning('two', 'DeprecationWarning', 'DEPX2');
  require('node:worker_threads').parentPort.postMessage(process.noDeprecation === true);
`;
const cases = [
  [['--disable-warning=DEPX1'], false, /DEPX2/, /DEPX1/],
  [['--disable-warning', 'DEPX2'], false, /DEPX1/, /DEPX2/],
  [['--no-deprecation'], true, null, /DEPX/],
];
for (const [execArgv, noDeprecation, present, absent] of cases) {
  const w = new Worker(code, { eval: true, execArgv, stderr: true });
  let err = '';
  w.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  w.on('message', common.mustCall((v) => assert.strictEqual(v, noDeprecation)));
  w.on('exit', common.mustCall(() => {
    if (present) assert.match(err, present);
    assert.doesNotMatch(err, absent);
  }));
}
