'use strict';
// Generates a graph of N small ES modules and times importing it with each
// runtime given on the command line (cairn vs node).
//
//   node bench/esm/graph.js [--modules 500] [--runs 10] runtime...
//   e.g. node22 bench/esm/graph.js build/cairn node22
//
// Module i imports up to three modules with a smaller index (a DAG with
// shared dependencies), re-exports one name and uses a namespace import, so
// resolution, linking, namespaces and evaluation order are all exercised.
// Prints the median wall time of `runtime main.mjs` per runtime (with the
// spread), the time of `runtime -e 0` (startup) for reference, and with two
// runtimes the median ratio of their times run by run.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

function parseArgs(argv) {
  const opts = { modules: 500, runs: 10, runtimes: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--modules') opts.modules = Number(argv[++i]);
    else if (argv[i] === '--runs') opts.runs = Number(argv[++i]);
    else opts.runtimes.push(argv[i].includes('/') ? path.resolve(argv[i]) : argv[i]);
  }
  if (opts.runtimes.length === 0) opts.runtimes.push(process.execPath);
  return opts;
}

// A small deterministic PRNG so every run builds the same graph.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function generate(dir, n) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rand = rng(42);
  for (let i = 0; i < n; i++) {
    const deps = new Set();
    const count = i === 0 ? 0 : Math.min(i, 1 + Math.floor(rand() * 3));
    while (deps.size < count) deps.add(Math.floor(rand() * i));
    const lines = [];
    let expr = `${i}`;
    for (const d of deps) {
      lines.push(`import { value as v${d}, helper as h${d} } from './m${d}.mjs';`);
      expr += ` + v${d} % 7 + h${d}(1)`;
    }
    if (deps.size > 0) {
      const first = [...deps][0];
      lines.push(`import * as ns${first} from './m${first}.mjs';`);
      lines.push(`export { value as reexported } from './m${first}.mjs';`);
      expr += ` + ns${first}.value % 3`;
    }
    lines.push(`export const value = ${expr};`);
    lines.push(`export function helper(x) { return x + ${i % 5}; }`);
    lines.push(`export default class M${i} { static id = ${i}; }`);
    fs.writeFileSync(path.join(dir, `m${i}.mjs`), lines.join('\n') + '\n');
  }
  const main = [];
  for (let i = n - 10; i < n; i++) main.push(`import { value as v${i} } from './m${i}.mjs';`);
  main.push(`console.log(${Array.from({ length: 10 }, (_, k) => `v${n - 10 + k}`).join(' + ')});`);
  fs.writeFileSync(path.join(dir, 'main.mjs'), main.join('\n') + '\n');
}

function time(runtime, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(runtime, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${runtime} ${args.join(' ')} failed:\n${r.stderr ?? r.error}`);
  }
  return { ms, out: r.stdout.trim() };
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}

function summary(xs) {
  return `${quantile(xs, 0.5).toFixed(1)} ms (p25-p75 ${quantile(xs, 0.25).toFixed(1)}-` +
    `${quantile(xs, 0.75).toFixed(1)}, min ${quantile(xs, 0).toFixed(1)})`;
}

const opts = parseArgs(process.argv.slice(2));
const dir = path.join(os.tmpdir(), `esm-graph-${opts.modules}`);
generate(dir, opts.modules);
// The runtimes take turns run by run, so that load from other processes on a
// shared machine spreads over all of them alike.
const results = opts.runtimes.map(() => ({ graph: [], startup: [], out: undefined }));
for (let i = 0; i < opts.runs; i++) {
  opts.runtimes.forEach((runtime, k) => {
    const r = time(runtime, ['main.mjs'], dir);
    results[k].graph.push(r.ms);
    results[k].out = r.out;
    results[k].startup.push(time(runtime, ['-e', '0'], dir).ms);
  });
}
opts.runtimes.forEach((runtime, k) => {
  const { graph, startup, out } = results[k];
  console.log(`${runtime}: ${opts.modules} modules ${summary(graph)}; ` +
    `startup ${summary(startup)}; output ${out}`);
});
if (opts.runtimes.length === 2) {
  // the ratio run by run (neighbouring runs share the machine's load)
  const ratios = results[0].graph.map((ms, i) => ms / results[1].graph[i]);
  console.log(`ratio ${path.basename(opts.runtimes[0])}/${path.basename(opts.runtimes[1])}: ` +
    `median ${quantile(ratios, 0.5).toFixed(3)} (p25-p75 ${quantile(ratios, 0.25).toFixed(3)}-` +
    `${quantile(ratios, 0.75).toFixed(3)})`);
}
