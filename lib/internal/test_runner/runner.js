'use strict';
// `cairn --test [files or patterns...]`: finds the test files (node 22's default patterns
// when none are given), runs each in a process of its own, several at a time, and reports
// their tests as one TAP stream in file order, as `node --test` does: the files' top-level
// tests become top-level results (renumbered), their other output becomes `#` comments, and
// a file that fails without a failing test (an uncaught error at load) becomes one failing
// result named after the file.
//
// A child knows it runs under the runner from NODE_TEST_CONTEXT=child: its reporter then
// writes TAP and marks each TAP line with kMark, so its own console output stays apart.

const { spawn } = require('child_process');
const path = require('path');
const fs = require('fs');

const kMark = '\x1e';
const kDefaultPatterns = [
  '**/*.test.{cjs,mjs,js}',
  '**/*-test.{cjs,mjs,js}',
  '**/*_test.{cjs,mjs,js}',
  '**/test-*.{cjs,mjs,js}',
  '**/test.{cjs,mjs,js}',
  '**/test/**/*.{cjs,mjs,js}',
];
const kCountKeys = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo'];

function testFiles(args) {
  const inNodeModules = (p) => p.split('/').includes('node_modules');
  if (args.length === 0) {
    return fs.globSync(kDefaultPatterns, { exclude: inNodeModules }).sort();
  }
  const files = [];
  for (const arg of args) {
    let found;
    try {
      found = fs.statSync(arg).isFile() ? [arg] : undefined;
    } catch {
      found = undefined;
    }
    found ??= fs.globSync(arg).sort();
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return files;
}

function runFile(file, execArgv) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...execArgv, file], {
      env: { ...process.env, NODE_TEST_CONTEXT: 'child' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (c) => stdout.push(c));
    child.stderr.on('data', (c) => stderr.push(c));
    child.on('error', (err) => {
      resolve({ file, stdout: '', stderr: String(err.message), code: 1, signal: null,
                duration: performance.now() - start });
    });
    child.on('close', (code, signal) => {
      resolve({ file, stdout: Buffer.concat(stdout).toString(),
                stderr: Buffer.concat(stderr).toString(), code, signal,
                duration: performance.now() - start });
    });
  });
}

async function runAll(files, execArgv) {
  const limit = Math.max(1, require('os').availableParallelism() - 1);
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await runFile(files[i], execArgv);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, files.length) }, worker));
  return results;
}

function comments(text) {
  let s = '';
  for (const line of text.split('\n')) if (line.trim() !== '') s += `# ${line}\n`;
  return s;
}

// Appends one file's results to the merged report; returns the last result number.
// `position`: the file's place in the list (1-based), which node numbers a file-level
// failure with.
function merge(result, position, index, counts) {
  let s = '';
  let failed = false;
  for (const line of result.stdout.split('\n')) {
    if (line[0] !== kMark) {
      if (line.trim() !== '') s += `# ${line}\n`;
      continue;
    }
    const tap = line.slice(1);
    if (tap === 'TAP version 13' || /^1\.\.\d+$/.test(tap) || /^# duration_ms /.test(tap)) {
      continue;
    }
    const count = /^# (\w+) (\d+)$/.exec(tap);
    if (count !== null && kCountKeys.includes(count[1])) {
      counts[count[1]] += Number(count[2]);
      continue;
    }
    const top = /^(ok|not ok) \d+(.*)$/.exec(tap);
    if (top !== null) {
      if (top[1] === 'not ok') failed = true;
      s += `${top[1]} ${++index}${top[2]}\n`;
      continue;
    }
    s += `${tap}\n`;
  }
  s += comments(result.stderr);
  if (!failed && (result.code !== 0 || result.signal !== null)) {
    const name = path.relative(process.cwd(), result.file) || result.file;
    counts.tests++;
    counts.fail++;
    index++;
    s += `# Subtest: ${name}\nnot ok ${position} - ${name}\n  ---\n` +
      `  duration_ms: ${result.duration}\n  type: 'test'\n` +
      `  location: '${path.resolve(result.file)}:1:1'\n  failureType: 'testCodeFailure'\n` +
      `  exitCode: ${result.code ?? '~'}\n  signal: ${result.signal ?? '~'}\n` +
      "  error: 'test failed'\n  code: 'ERR_TEST_FAILURE'\n  ...\n";
  }
  process.stdout.write(s);
  return index;
}

function run(options) {
  const start = performance.now();
  const files = testFiles(options.args);
  const execArgv = process.execArgv.filter((a) => a !== '--test');
  runAll(files, execArgv).then((results) => {
    const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
    process.stdout.write('TAP version 13\n');
    let index = 0;
    results.forEach((result, i) => { index = merge(result, i + 1, index, counts); });
    let s = `1..${index}\n`;
    for (const key of kCountKeys) s += `# ${key} ${counts[key]}\n`;
    s += `# duration_ms ${performance.now() - start}\n`;
    process.stdout.write(s);
    if (counts.fail > 0 || counts.cancelled > 0) process.exitCode = 1;
  });
}

module.exports = { run, kMark };
