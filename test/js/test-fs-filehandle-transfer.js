'use strict';
// A FileHandle in a postMessage transfer list moves: the receiver (a port on
// this thread, or a worker) gets a working FileHandle on the same descriptor,
// the sender's handle is left closed without a 'close' event (a worker that
// sent one and exits does not close it), and a handle an
// operation or stream is using cannot be transferred (DataCloneError, code 25).
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const { Worker, MessageChannel } = require('node:worker_threads');
const { once } = require('node:events');

const expected = fs.readFileSync(__filename, 'utf8');

(async () => {
  // Between two ports of this thread.
  const fh = await fs.promises.open(__filename);
  fh.on('close', common.mustNotCall());
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ fh }, [fh]);
  assert.strictEqual(fh.fd, -1);
  const [{ fh: moved }] = await once(port2, 'message');
  assert.strictEqual(Object.getPrototypeOf(moved), Object.getPrototypeOf(fh));
  assert.strictEqual(await moved.readFile('utf8'), expected);
  await moved.close();
  await assert.rejects(fh.readFile(), { code: 'EBADF' });
  port1.close();
  // Closed: nothing to transfer, as in node.
  const closed = await fs.promises.open(__filename);
  await closed.close();
  assert.throws(() => new MessageChannel().port1.postMessage(closed, [closed]),
                { name: 'DataCloneError', message: 'Cannot clone object of unsupported type.' });

  // To a worker, which reads through a stream and reports back.
  const toWorker = await fs.promises.open(__filename);
  toWorker.on('close', common.mustNotCall());
  const w = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    let text = '';
    fs.createReadStream(null, { fd: workerData.handle, encoding: 'utf8' })
      .on('data', (chunk) => { text += chunk; })
      .on('close', () => parentPort.postMessage(text));
  `, { eval: true, workerData: { handle: toWorker }, transferList: [toWorker], stderr: true });
  assert.strictEqual(toWorker.fd, -1);
  let workerStderr = '';
  w.stderr.setEncoding('utf8').on('data', (chunk) => { workerStderr += chunk; });
  const [text] = await once(w, 'message');
  assert.strictEqual(text, expected);
  await once(w, 'exit');
  // The worker closed a descriptor it owns: no unmanaged-fd warning.
  assert.strictEqual(workerStderr, '');

  // From a worker, which then exits: the descriptor stays open for the parent.
  const back = new Worker(`
    const { parentPort } = require('node:worker_threads');
    require('node:fs').promises.open(${JSON.stringify(__filename)})
      .then((h) => parentPort.postMessage(h, [h]));
  `, { eval: true });
  const [fromWorker] = await once(back, 'message');
  await once(back, 'exit');
  assert.strictEqual(await fromWorker.readFile('utf8'), expected);
  await fromWorker.close();

  // In use: a stream holds it, or a read is running.
  const busy = await fs.promises.open(__filename);
  const stream = fs.createReadStream(null, { fd: busy });
  assert.throws(() => new MessageChannel().port1.postMessage(busy, [busy]),
                { name: 'DataCloneError', code: 25,
                  message: 'Cannot transfer FileHandle while in use' });
  stream.destroy();
  await once(stream, 'close');

  const reading = await fs.promises.open(__filename);
  const read = reading.readFile('utf8');
  assert.throws(() => new MessageChannel().port1.postMessage(reading, [reading]),
                { name: 'DataCloneError' });
  assert.strictEqual(await read, expected);
  await reading.close();
})().then(common.mustCall());
