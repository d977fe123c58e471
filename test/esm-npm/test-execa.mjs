// execa 9 is ESM-only and deep: cross-spawn, signal-exit, get-stream, streams,
// promises mixed with the child process, and pipes between children.
import { execa, execaSync, $ } from 'execa';

const r = await execa('echo', ['hi']);
console.log(JSON.stringify(r.stdout), r.exitCode, r.failed, r.command);

const piped = await execa('printf', ['b\\na\\nc\\n']).pipe('sort');
console.log(JSON.stringify(piped.stdout));

const s = execaSync('node22', ['-e', 'process.stdout.write("sync")']);
console.log(s.stdout);

const { stdout } = await $`echo ${'tagged template'}`;
console.log(stdout);

try {
  await execa('sh', ['-c', 'echo oops >&2; exit 3']);
} catch (err) {
  console.log(err.exitCode, JSON.stringify(err.stderr), err.failed, err.constructor.name);
}

const lines = [];
for await (const line of execa('printf', ['1\\n2\\n3\\n'])) lines.push(line);
console.log(lines.join(','));

const input = await execa('cat', { input: 'from input' });
console.log(input.stdout);
