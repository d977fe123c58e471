'use strict';
// `--` ends the runtime's options and is not kept in process.execArgv, on the
// command line and in a Worker's execArgv option (where what follows it is
// dropped unchecked).
const common = require('./common');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const { Worker } = require('node:worker_threads');

const code = 'console.log(JSON.stringify([process.execArgv, process.argv.slice(2)]))';
const r = spawnSync(process.execPath, ['--no-deprecation', '-e', code, '--', '--x'],
                    { encoding: 'utf8' });
assert.strictEqual(r.stderr, '');
assert.deepStrictEqual(JSON.parse(r.stdout), [['--no-deprecation', '-e', code], []]);

const w = new Worker('require("worker_threads").parentPort.postMessage(process.execArgv)', {
  eval: true, execArgv: ['--no-deprecation', '--', '--not-a-real-option'],
});
w.on('message', common.mustCall((argv) => {
  assert.deepStrictEqual(argv, ['--no-deprecation']);
}));
