import { parseArgs } from 'node:util';
import { z } from 'zod';

/** One flag of `npm start`: how parseArgs reads it, the value it takes, and its line in `--help`. */
interface Flag {
  type: 'boolean' | 'string';
  value?: string;
  help: string;
  short?: string;
}

const FLAGS = {
  reset: { type: 'boolean', help: 'wipe the kept data folder before starting' },
  'in-memory': { type: 'boolean', help: 'keep nothing between runs (no data folder)' },
  'data-dir': { type: 'string', value: 'DIR', help: 'keep the data there (default .local-data/stack-<port>)' },
  'time-scale': { type: 'string', value: 'N', help: 'virtual seconds per real second (default 1; 0 stops the clock between /local/clock/advance calls)' },
  'start-at': { type: 'string', value: 'ISO', help: 'start the virtual clock at this time (on a kept folder only a later one)' },
  faults: { type: 'string', value: 'RATE', help: 'fail this share (0–0.9) of Lambda, DynamoDB, Step Functions and SMS calls transiently (default 0)' },
  'fault-seed': { type: 'string', value: 'N', help: 'seed of the fault choice, so a run can be repeated (default 1)' },
  help: { type: 'boolean', short: 'h', help: 'print this and exit' },
} satisfies Record<string, Flag>;

export interface StartOptions {
  reset: boolean;
  inMemory: boolean;
  dataDir: string | undefined;
  timeScale: number;
  startAt: Date | undefined;
  faults: { rate: number; seed: number } | undefined;
}

export type StartCommand = { kind: 'start'; options: StartOptions } | { kind: 'help'; text: string } | { kind: 'usage-error'; message: string };

/** `npm start -- --help`: every flag on one line, and the one variable. */
export function helpText(): string {
  const left = (name: string, flag: Flag) => `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.value ? ` ${flag.value}` : ''}`;
  const entries = Object.entries(FLAGS as Record<string, Flag>);
  const width = Math.max(...entries.map(([name, flag]) => left(name, flag).length));
  return [
    'npm start [-- FLAGS]: the whole system on this machine (DynamoDB Local, Step Functions, SNS, the HTTP API), with demo data.',
    '',
    ...entries.map(([name, flag]) => `  ${left(name, flag).padEnd(width)}  ${flag.help}`),
    '',
    '  PORT=N npm start runs the HTTP API on port N (default 3000); the other endpoints pick free ports.',
    '',
  ].join('\n');
}

/** What each valued flag holds once read. */
const valuesSchema = z.object({
  'data-dir': z.string().optional(),
  'time-scale': z.string().default('1').transform(Number).pipe(z.number().min(0)),
  'start-at': z.string().pipe(z.coerce.date()).optional(),
  faults: z.string().default('0').transform(Number).pipe(z.number().min(0).max(0.9)),
  'fault-seed': z.string().default('1').transform(Number).pipe(z.number().int()),
});

/** What a flag's value must be, said when it is not. */
const EXPECTED: Record<string, string> = {
  'time-scale': 'a number of at least 0',
  'start-at': 'a date and time such as 2026-11-23T09:00:00+08:00',
  faults: 'a share from 0 to 0.9',
  'fault-seed': 'a whole number',
};

/**
 * Reads `npm start`'s flags. An unknown flag or a bad value is a usage error naming itself (the caller
 * exits 2, as command-line tools do), never a stack trace.
 */
export function readStartCommand(args: string[]): StartCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, options: FLAGS, strict: true, allowPositionals: false }));
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    const named = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named) return { kind: 'usage-error', message: `unknown flag ${named}` };
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && named) return { kind: 'usage-error', message: `unexpected argument ${named}` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named?.endsWith(' <value>')) return { kind: 'usage-error', message: `${named.slice(0, -' <value>'.length)} needs a value` };
    return { kind: 'usage-error', message: message.split('\n')[0]! };
  }
  if (values.help) return { kind: 'help', text: helpText() };
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) {
    const flag = String(parsed.error.issues[0]!.path[0]);
    return { kind: 'usage-error', message: `--${flag} takes ${EXPECTED[flag] ?? 'another value'}, not ${String(values[flag])}` };
  }
  const { 'data-dir': dataDir, 'time-scale': timeScale, 'start-at': startAt, faults, 'fault-seed': seed } = parsed.data;
  return {
    kind: 'start',
    options: { reset: values.reset === true, inMemory: values['in-memory'] === true, dataDir, timeScale, startAt, faults: faults > 0 ? { rate: faults, seed } : undefined },
  };
}

/** A real monotonic clock, read when this module loads: before the stack swaps `Date` for its virtual clock. */
const loadedAt = process.hrtime.bigint();

/** Real seconds from `since` (default: this module's loading, i.e. the start of `npm start`) to `now`. */
export function realSecondsSince(since: bigint = loadedAt, now: bigint = process.hrtime.bigint()): number {
  return Number(now - since) / 1e9;
}
