'use strict';
// What a spawned child starts with: the command looked up in the PATH of its own environment
// (a default without one), scripts without #! run by the shell, errors for what cannot run,
// stdio slots swapped or closed, the parent's ignored signals back to default, its own
// session when detached, and the same results from a parent with a large heap.
const common = require('./common');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-spawn-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const bin = path.join(dir, 'bin');
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, 'tool'), '#!/bin/sh\necho "tool $*"\n', { mode: 0o755 });
fs.writeFileSync(path.join(bin, 'plain'), 'echo "plain $1 $2"\n', { mode: 0o755 });
fs.writeFileSync(path.join(bin, 'noexec'), '#!/bin/sh\necho no\n', { mode: 0o644 });

function run(file, args, options) {
  const r = spawnSync(file, args, { encoding: 'utf8', ...options });
  return r.error ? r.error.code : `${r.status} ${r.stdout.trim()}`;
}

function check() {
  // The child's PATH decides, not the parent's.
  assert.strictEqual(run('tool', ['a'], { env: { PATH: bin } }), '0 tool a');
  assert.strictEqual(run('tool', ['a']), 'ENOENT');
  // Without PATH: /usr/bin:/bin.
  assert.strictEqual(run('sh', ['-c', 'echo ok'], { env: {} }), '0 ok');
  // An empty PATH entry is the current directory.
  assert.strictEqual(run('tool', ['b'], { env: { PATH: '/nonexistent:' }, cwd: bin }),
                     '0 tool b');
  // No #!: the shell runs it, with the arguments after the script name.
  assert.strictEqual(run(path.join(bin, 'plain'), ['x', 'y']), '0 plain x y');
  assert.strictEqual(run('plain', ['x', 'y'], { env: { PATH: bin } }), '0 plain x y');
  // Not executable, a directory, a missing cwd.
  assert.strictEqual(run(path.join(bin, 'noexec')), 'EACCES');
  assert.strictEqual(run('noexec', [], { env: { PATH: bin } }), 'EACCES');
  assert.strictEqual(run(bin), 'EACCES');
  assert.strictEqual(run('sh', ['-c', 'true'], { cwd: path.join(dir, 'nope') }), 'ENOENT');
  assert.strictEqual(run('sh', ['-c', 'true'], { cwd: path.join(bin, 'tool') }), 'ENOTDIR');
  assert.strictEqual(run('x'.repeat(300)), 'ENAMETOOLONG');
  assert.strictEqual(run('/x'.repeat(3000)), 'ENAMETOOLONG');
  // The working directory is the child's, not ours.
  assert.strictEqual(run('pwd', [], { cwd: bin }), `0 ${fs.realpathSync(bin)}`);
  // stdout and stderr swapped (fds 2 and 1 given as the child's 1 and 2): each gets the
  // other, not the same one twice.
  const swapped = spawnSync(process.execPath, ['-e', `
    require('child_process').spawnSync('sh', ['-c', 'echo out; echo err >&2'],
                                       { stdio: ['ignore', 2, 1] });`], { encoding: 'utf8' });
  assert.strictEqual(swapped.stdout, 'err\n');
  assert.strictEqual(swapped.stderr, 'out\n');
  // An ignored stdin reads as /dev/null (empty, not closed).
  assert.strictEqual(run('sh', ['-c', 'wc -c; echo $?'], { stdio: ['ignore', 'pipe', 'pipe'] }),
                     '0 0\n0');
  // Descriptors the runtime opened for itself stay behind (the engine keeps /dev/urandom).
  assert.strictEqual(run('sh', ['-c', 'ls -l /proc/$$/fd | grep -c urandom']), '1 0');
  // The parent ignores SIGPIPE; the child has the default back, so `yes | head` ends.
  assert.strictEqual(run('sh', ['-c', 'yes | head -n 2']), '0 y\ny');
}

check();

// A detached child leads its own session.
const sid = spawnSync('sh', ['-c', "cut -d' ' -f6 /proc/$$/stat; echo $$"], { encoding: 'utf8' });
const [sidOf, pidOf] = sid.stdout.trim().split(/\s+/);
assert.notStrictEqual(sidOf, pidOf);

const child = spawn('sh', ['-c', "cut -d' ' -f6 /proc/$$/stat; echo $$"], { detached: true });
let out = '';
child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
child.on('close', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  const [s, p] = out.trim().split(/\s+/);
  assert.strictEqual(s, p);

  // The same from a parent with a large heap, and many children in a row.
  const keep = [];
  for (let i = 0; i < 200000; i++) keep.push({ i, s: 'x' + i });
  check();
  for (let i = 0; i < 50; i++) assert.strictEqual(spawnSync('true').status, 0);
  assert.strictEqual(keep.length, 200000);
}));

// uid/gid go through libuv's fork: the same results, and exit and kill work there too.
const ids = { uid: process.getuid(), gid: process.getgid() };
assert.strictEqual(run('sh', ['-c', 'echo forked'], ids), '0 forked');
assert.strictEqual(run('nosuch-command', [], ids), 'ENOENT');
const forked = spawn('sleep', ['10'], ids);
forked.on('exit', common.mustCall((code, signal) => assert.strictEqual(signal, 'SIGKILL')));
assert.strictEqual(forked.kill('SIGKILL'), true);

// kill() signals it; the exit reports the signal.
const sleeper = spawn('sleep', ['10']);
sleeper.on('exit', common.mustCall((code, signal) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGTERM');
  assert.strictEqual(sleeper.kill('SIGTERM'), false);
}));
assert.strictEqual(sleeper.kill(), true);
