'use strict';
// --cpu-prof writes a .cpuprofile when the process exits (also through process.exit):
// a call tree whose samples name the functions that ran, in the directory and under the
// name given; the other --cpu-prof-* options need --cpu-prof.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runChild } = require('./common');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-cpu-prof-'));
const script = path.join(dir, 'busy.js');
fs.writeFileSync(script, `
function spinForAWhile() {
  const end = Date.now() + 150;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}
spinForAWhile();
setTimeout(() => { spinForAWhile(); process.exit(4); }, 50);
`);

function check(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { nodes, samples, timeDeltas, startTime, endTime } = profile;
  assert.ok(Array.isArray(nodes) && nodes.length > 1);
  assert.strictEqual(nodes[0].callFrame.functionName, '(root)');
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    for (const key of ['functionName', 'scriptId', 'url', 'lineNumber', 'columnNumber']) {
      assert.ok(key in n.callFrame, key);
    }
    for (const c of n.children || []) assert.ok(ids.has(c));
  }
  assert.strictEqual(samples.length, timeDeltas.length);
  assert.ok(samples.length > 10);
  for (const s of samples) assert.ok(ids.has(s));
  assert.ok(endTime > startTime);
  // samples taken in spinForAWhile or what it calls (Date.now)
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const subtree = (n) => n.hitCount +
    (n.children || []).reduce((sum, c) => sum + subtree(byId.get(c)), 0);
  const hits = nodes.filter((n) => n.callFrame.functionName === 'spinForAWhile')
    .reduce((sum, n) => sum + subtree(n), 0);
  assert.ok(hits > 5, `spinForAWhile sampled ${hits} times`);
  const own = nodes.find((n) => n.callFrame.functionName === 'spinForAWhile');
  assert.strictEqual(own.callFrame.url, require('node:url').pathToFileURL(script).href);
}

let r = runChild(['--cpu-prof', script], { cwd: dir });
assert.strictEqual(r.status, 4, r.stderr);
const made = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
assert.strictEqual(made.length, 1);
assert.match(made[0], new RegExp(`^CPU\\.\\d{8}\\.\\d{6}\\.${'\\d+'}\\.0\\.001\\.cpuprofile$`));
check(path.join(dir, made[0]));

r = runChild(['--cpu-prof', '--cpu-prof-dir', 'profiles', '--cpu-prof-name', 'p-${pid}.cpuprofile',
              '--cpu-prof-interval', '500', script], { cwd: dir });
assert.strictEqual(r.status, 4, r.stderr);
const named = fs.readdirSync(path.join(dir, 'profiles'));
assert.strictEqual(named.length, 1);
assert.match(named[0], /^p-\d+\.cpuprofile$/);
check(path.join(dir, 'profiles', named[0]));

for (const opt of ['--cpu-prof-name', '--cpu-prof-dir', '--cpu-prof-interval']) {
  r = runChild([opt, 'x', '-e', '0'], { cwd: dir });
  assert.strictEqual(r.status, 9);
  assert.match(r.stderr, new RegExp(`${opt} must be used with --cpu-prof\n$`));
}

fs.rmSync(dir, { recursive: true, force: true });
