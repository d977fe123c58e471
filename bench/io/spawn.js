'use strict';
// Starting child processes: 50 spawnSync('true') and 50 spawn('true') one after another, first
// from a small heap, then with about 250 MB of live objects (the cost of fork grows with it).
const { spawn, spawnSync } = require('node:child_process');

function syncRuns(n) {
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    if (spawnSync('true').status !== 0) throw new Error('spawnSync failed');
  }
  return performance.now() - t;
}

function asyncRuns(n, done) {
  const t = performance.now();
  let left = n;
  (function next() {
    if (left-- === 0) return done(performance.now() - t);
    spawn('true').on('close', (code) => {
      if (code !== 0) throw new Error('spawn failed');
      next();
    });
  })();
}

spawnSync('true'); // first use loads the module's parts
console.log('RESULT spawnsync_small_heap ' + syncRuns(50).toFixed(3));
asyncRuns(50, (small) => {
  console.log('RESULT spawn_small_heap ' + small.toFixed(3));
  const keep = [];
  for (let i = 0; i < 1e6; i++) keep.push({ a: i, b: 'x' + i, c: [i] });
  console.log('RESULT spawnsync_250mb_heap ' + syncRuns(50).toFixed(3));
  asyncRuns(50, (big) => {
    console.log('RESULT spawn_250mb_heap ' + big.toFixed(3));
    if (keep.length !== 1e6) throw new Error('lost objects');
  });
});
