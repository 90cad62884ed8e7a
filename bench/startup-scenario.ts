import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench -- startup`: `npm start -- --in-memory` from spawn to its banner (healthy, demo data
 * seeded), beside the floor: DynamoDB Local's JVM alone from spawn to its first answer, started by the
 * stack's own launcher under tsx (without npm's own ~0.3 s). Each runs RUNS times, alternating; prints
 * one JSON line.
 */
const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const RUNS = Number(process.argv[3] ?? 7);

/** Spawns `command` and resolves with the real milliseconds until its stdout contains `ready`. */
function timeUntil(command: string[], ready: string): Promise<number> {
  const started = performance.now();
  // Its own process group, so npm, its shell and the stack stop together.
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  let out = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited (${code}) before "${ready}"`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes(ready)) return;
      const ms = performance.now() - started;
      child.removeAllListeners('exit');
      child.once('exit', () => resolve(ms));
      process.kill(-child.pid!, 'SIGTERM');
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const stack: number[] = [];
  const jvm: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    jvm.push(await timeUntil([TSX, join(__dirname, 'startup-jvm.ts')], 'dynamodb ready'));
    stack.push(await timeUntil(['npm', 'start', '--', '--in-memory'], 'Ctrl-C stops everything'));
  }
  const row = (name: string, xs: number[]) => ({ what: name, runs: xs.length, 'median ms': Math.round(median(xs)), 'min ms': Math.round(Math.min(...xs)), 'max ms': Math.round(Math.max(...xs)) });
  process.stdout.write(
    `${JSON.stringify({ rows: [row('npm start -- --in-memory (to healthy, seeded)', stack), row("DynamoDB Local's JVM alone (floor)", jvm)], ratio: Math.round((median(stack) / median(jvm)) * 100) / 100 })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
