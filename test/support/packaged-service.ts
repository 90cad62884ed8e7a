import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** `serverless package` works in the checkout's own `.serverless` and `.esbuild`: two at once collide (ENOTEMPTY). */
const LOCK = join(ROOT, 'node_modules', '.cache', 'minqing', 'serverless-package.lock');
const STALE_LOCK_MS = 10 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withPackageLock<T>(work: () => T): T {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run would block every later one.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `serverless package --stage ci` (offline) with these extra arguments, once per test run and set of
 * arguments: the template tests of every worker share the artifacts (each packaging takes 25–50 s), and
 * never package at the same time. Returns the folder with the template and the zips.
 */
/** Folders earlier runs left (their jest is gone): removed, so runs do not pile packages up in /tmp. */
function removeEarlierRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const ppid = /^minqing-package-(\d+)-/.exec(name)?.[1];
    if (!ppid || Number(ppid) === process.ppid) continue;
    try {
      process.kill(Number(ppid), 0);
    } catch {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

export function packagedService(extra: string[] = []): string {
  const key = createHash('sha256').update(readFileSync(join(ROOT, 'serverless.yml'))).update(extra.join('\0')).digest('hex').slice(0, 12);
  // Jest's workers share their parent: one folder per run, never one a previous run left half-written.
  const dir = join(tmpdir(), `minqing-package-${process.ppid}-${key}`);
  const done = join(dir, '.packaged');
  if (existsSync(done)) return dir;
  return withPackageLock(() => {
    if (existsSync(done)) return dir;
    removeEarlierRuns();
    rmSync(dir, { recursive: true, force: true });
    execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'ci', '--region', 'ap-southeast-1', '--package', dir, ...extra], {
      cwd: ROOT,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'offline', AWS_SECRET_ACCESS_KEY: 'offline', SLS_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    writeFileSync(done, '');
    return dir;
  });
}
