import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { helpText, readStartCommand, realSecondsSince } from '../../../local/start-options';

const ROOT = join(__dirname, '../../..');

/** `npm start` as an operator types it: the real script, its exit code and what it prints. */
function npmStart(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: '0' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm start flags', () => {
  it('--help lists every flag on a line of its own, and starts nothing', () => {
    const run = npmStart('--help');
    expect(run.status).toBe(0);
    for (const flag of ['--reset', '--in-memory', '--data-dir DIR', '--time-scale N', '--start-at ISO', '--faults RATE', '--fault-seed N', '--help']) {
      expect(run.stdout.split('\n').filter((line) => line.includes(`${flag} `))).toHaveLength(1);
    }
    expect(run.stdout).toBe(helpText());
  });

  it('a flag it does not know is named, with exit code 2', () => {
    const run = npmStart('--foo');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown flag --foo');
    expect(run.stdout).toBe('');
  });

  it('names the flag whose value it cannot use', () => {
    expect(readStartCommand(['--time-scale', 'fast'])).toEqual({ kind: 'usage-error', message: '--time-scale takes a number of at least 0, not fast' });
    expect(readStartCommand(['--faults', '1'])).toEqual({ kind: 'usage-error', message: '--faults takes a share from 0 to 0.9, not 1' });
    expect(readStartCommand(['--start-at', 'soon'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/^--start-at takes a date/) });
    expect(readStartCommand(['--data-dir'])).toEqual({ kind: 'usage-error', message: '--data-dir needs a value' });
    expect(readStartCommand(['now'])).toEqual({ kind: 'usage-error', message: 'unexpected argument now' });
  });

  it('reads the flags it knows, with their defaults', () => {
    expect(readStartCommand([])).toEqual({ kind: 'start', options: { reset: false, inMemory: false, dataDir: undefined, timeScale: 1, startAt: undefined, faults: undefined } });
    expect(readStartCommand(['--reset', '--time-scale', '0', '--start-at', '2026-11-23T09:00:00+08:00', '--faults', '0.2', '--fault-seed', '7', '--data-dir', 'x'])).toEqual({
      kind: 'start',
      options: { reset: true, inMemory: false, dataDir: 'x', timeScale: 0, startAt: new Date('2026-11-23T01:00:00Z'), faults: { rate: 0.2, seed: 7 } },
    });
  });

  it('measures the start-up in real time, whatever Date says', () => {
    const RealDate = Date;
    const since = process.hrtime.bigint();
    // What the virtual clock does with --start-at: Date jumps far back.
    globalThis.Date = class extends RealDate {
      static override now() {
        return RealDate.now() - 26_373_600;
      }
    } as DateConstructor;
    try {
      expect(realSecondsSince(since)).toBeGreaterThanOrEqual(0);
      expect(realSecondsSince(since, since + 1_500_000_000n)).toBe(1.5);
      expect(realSecondsSince()).toBeGreaterThanOrEqual(realSecondsSince(since));
    } finally {
      globalThis.Date = RealDate;
    }
  });
});
