import { startLocalStack } from '../local/stack';
import { TestStack } from '../test/support/local-stack';
import { PAIR_KINDS, runPairs, STATUS_REACHED, statusesNow, type PairKind } from '../test/support/create-then-act';

/**
 * `npm run bench -- lag`: create-then-act pairs against the in-memory local stack on a frozen clock,
 * each action sent the moment the previous answer arrives. Prints one JSON row: how many actions were
 * refused with 409 (the figure the issue asks to be 0) and how many decisions did not take effect.
 */
async function main(kind: PairKind, pairs: number): Promise<void> {
  const quiet = () => undefined;
  const stack = await startLocalStack({ port: 0, timeScale: 0, startAt: new Date('2026-11-23T09:00:00+08:00'), log: quiet });
  const t = new TestStack(stack);
  try {
    const started = process.hrtime.bigint();
    const results = await runPairs(t, kind, pairs, 16);
    const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    await stack.settle();
    const reached = await statusesNow(t, results);
    const actions = results.flatMap((r) => r.statuses);
    process.stdout.write(
      JSON.stringify({
        scenario: kind,
        pairs,
        actions: actions.length,
        '409s': actions.filter((s) => s === 409).length,
        'other non-202': actions.filter((s) => s !== 202 && s !== 409).length,
        'not taken effect': reached.filter((s) => s !== STATUS_REACHED[kind]).length,
        'wall ms': ms,
      }) + '\n',
    );
  } finally {
    await stack.stop();
  }
}

const [kind, pairs] = [process.argv[2] as PairKind, Number(process.argv[3] ?? 1000)];
if (!PAIR_KINDS.includes(kind)) throw new Error(`scenario must be one of ${PAIR_KINDS.join(', ')}`);
main(kind, pairs).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
