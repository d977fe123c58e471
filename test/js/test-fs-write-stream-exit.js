'use strict';
// A write stream ended just before process.exit(): as in node 22, the exit
// handlers run, nothing is flushed after exit, no 'finish' or 'close' fires.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runChild } = require('./common');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-ws-exit-'));
const file = path.join(dir, 'out.txt');
try {
  // Opened already: the file exists and is empty when the process has gone.
  let r = runChild(['-e', `
    const fs = require('fs');
    const ws = fs.createWriteStream(${JSON.stringify(file)});
    ws.on('open', () => {
      ws.write('hello ');
      ws.end('world\\n');
      ws.on('finish', () => console.log('finish'));
      ws.on('close', () => console.log('close'));
      process.on('exit', (c) => console.log('exit', c));
      process.exit();
    });`]);
  assert.strictEqual(r.stdout, 'exit 0\n');
  assert.strictEqual(r.status, 0);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), '');

  // Not opened yet: the file is never created.
  fs.unlinkSync(file);
  r = runChild(['-e', `
    const ws = require('fs').createWriteStream(${JSON.stringify(file)});
    ws.end('data');
    process.on('exit', () => console.log('exit'));
    process.exit(5);`]);
  assert.strictEqual(r.stdout, 'exit\n');
  assert.strictEqual(r.status, 5);
  assert.strictEqual(fs.existsSync(file), false);

  // Ended and awaited: everything is written before exit.
  r = runChild(['-e', `
    const ws = require('fs').createWriteStream(${JSON.stringify(file)});
    ws.write('hello ');
    ws.end('world\\n', () => process.exit());`]);
  assert.strictEqual(r.status, 0);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'hello world\n');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
