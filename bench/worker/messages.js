'use strict';
// 1,000,000 small messages parent -> worker: the worker checks their order,
// counts them and answers once at the end; the time from the first post to
// the answer.
const { Worker } = require('worker_threads');
const now = () => Number(process.hrtime.bigint()) / 1e6;

const COUNT = 1000000;

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  let expect = 0;
  parentPort.on('message', (m) => {
    if (m.i !== expect) throw new Error('out of order: ' + m.i + ' != ' + expect);
    if (++expect === ${COUNT}) parentPort.postMessage(expect);
  });
`, { eval: true });

worker.on('online', () => {
  const start = now();
  for (let i = 0; i < COUNT; i++) worker.postMessage({ i });
  const posted = now() - start;
  worker.once('message', (n) => {
    const t = now() - start;
    if (n !== COUNT) throw new Error(`bad count ${n}`);
    console.log(`1M messages: posting ${posted.toFixed(1)} ms, all received ${t.toFixed(1)} ms`);
    console.log(`RESULT worker_messages_1m ${t.toFixed(1)}`);
    worker.terminate();
  });
});
