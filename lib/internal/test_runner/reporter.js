'use strict';
// node:test's output: TAP (node 22's default when stdout is not a terminal)
// and a short spec form for terminals. Output is queued and written on a
// later turn, like node's reporter stream, so a test's own console output
// comes first.

const { inspect } = require('internal/util/inspect');

let pending = [];
let scheduled = false;
function out(text) {
  pending.push(text);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush).unref();
  }
}
// Under `--test` (NODE_TEST_CONTEXT=child) each TAP line carries a mark, so the runner can
// tell it from the test's own output (lib/internal/test_runner/runner.js).
const underRunner = process.env.NODE_TEST_CONTEXT === 'child';

function flush() {
  scheduled = false;
  if (pending.length === 0) return;
  let text = pending.join('');
  pending = [];
  if (underRunner) text = text.replace(/^(?=.)/gm, '\x1e');
  process.stdout.write(text);
}

function tapEscape(s) {
  return s.replaceAll('\b', '\\b').replaceAll('\f', '\\f').replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\v', '\\v')
    .replaceAll('\\', '\\\\').replaceAll('#', '\\#');
}

function yamlValue(v) {
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) {
    return String(v);
  }
  return inspect(v, { breakLength: Infinity, depth: 2 });
}

function yamlLines(key, text, indent) {
  if (!text.includes('\n')) return `${indent}${key}: ${yamlValue(text)}\n`;
  const body = text.split('\n').map((l) => `${indent}  ${l}`).join('\n');
  return `${indent}${key}: |-\n${body}\n`;
}

function stackLines(err) {
  const stack = typeof err?.stack === 'string' ? err.stack : '';
  return stack.split('\n').filter((l) => /^\s+at /.test(l))
    .map((l) => l.replace(/^\s+at /, ''))
    .filter((l) => !/\(?node:/.test(l));
}

function tapDetails(test, indent) {
  let s = `${indent}---\n${indent}duration_ms: ${test.duration}\n`;
  s += `${indent}type: '${test.type}'\n`;
  if (test.failureType !== undefined) {
    if (test.location) s += `${indent}location: ${yamlValue(test.location)}\n`;
    s += `${indent}failureType: '${test.failureType}'\n`;
    const err = test.error;
    const isError = err instanceof Error;
    const message = isError ? err.message : typeof err === 'string' ? err : inspect(err);
    s += yamlLines('error', message, indent);
    s += `${indent}code: ${yamlValue(isError && err.code !== undefined ? err.code : 'ERR_TEST_FAILURE')}\n`;
    if (isError && err.code === 'ERR_ASSERTION') {
      s += `${indent}name: ${yamlValue(err.name)}\n`;
      s += `${indent}expected: ${yamlValue(err.expected)}\n`;
      s += `${indent}actual: ${yamlValue(err.actual)}\n`;
      s += `${indent}operator: ${yamlValue(err.operator)}\n`;
    }
    const frames = stackLines(err);
    if (frames.length) s += yamlLines('stack', frames.join('\n'), indent);
  }
  return `${s}${indent}...\n`;
}

class TapReporter {
  #started = false;
  #header() {
    if (!this.#started) {
      this.#started = true;
      out('TAP version 13\n');
    }
  }
  start(test) {
    this.#header();
    out(`${'    '.repeat(test.nesting)}# Subtest: ${tapEscape(test.name)}\n`);
  }
  plan(test, count) {
    this.#header();
    out(`${'    '.repeat(test.nesting + 1)}1..${count}\n`);
  }
  complete(test) {
    this.#header();
    const indent = '    '.repeat(test.nesting);
    let line = `${indent}${test.passed ? 'ok' : 'not ok'} ${test.index} - ${tapEscape(test.name)}`;
    if (test.skip !== undefined) line += ` # SKIP${typeof test.skip === 'string' && test.skip ? ` ${tapEscape(test.skip)}` : ''}`;
    else if (test.todo !== undefined) line += ` # TODO${typeof test.todo === 'string' && test.todo ? ` ${tapEscape(test.todo)}` : ''}`;
    out(`${line}\n${tapDetails(test, `${indent}  `)}`);
    for (const msg of test.diagnostics) out(`${indent}# ${tapEscape(msg)}\n`);
  }
  summary(counts, duration) {
    this.#header();
    let s = '';
    for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
      s += `# ${key} ${counts[key]}\n`;
    }
    out(`${s}# duration_ms ${duration}\n`);
    flush();
  }
}

class SpecReporter {
  #failures = [];
  start() {}
  plan() {}
  complete(test) {
    const indent = '  '.repeat(test.nesting);
    const ms = `(${test.duration.toFixed(6).replace(/\.?0+$/, '')}ms)`;
    if (test.type === 'suite') {
      out(`${indent}${test.passed ? '▶' : '✖'} ${test.name} ${ms}\n`);
      return;
    }
    let mark = test.passed ? '✔' : '✖';
    let tail = '';
    if (test.skip !== undefined) { mark = '﹣'; tail = ' # SKIP'; }
    if (test.todo !== undefined) { mark = '﹣'; tail = ' # TODO'; }
    out(`${indent}${mark} ${test.name} ${ms}${tail}\n`);
    if (!test.passed) {
      this.#failures.push(test);
      out(`${indent}  ${inspect(test.error).split('\n').join(`\n${indent}  `)}\n`);
    }
    for (const msg of test.diagnostics) out(`${indent}ℹ ${msg}\n`);
  }
  summary(counts, duration) {
    for (const key of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) {
      out(`ℹ ${key} ${counts[key]}\n`);
    }
    out(`ℹ duration_ms ${duration}\n`);
    flush();
  }
}

function createReporter() {
  const name = underRunner ? 'tap' : process.env.CAIRN_TEST_REPORTER ??
    (process.stdout.isTTY ? 'spec' : 'tap');
  return name === 'spec' ? new SpecReporter() : new TapReporter();
}

module.exports = { createReporter, flush };
