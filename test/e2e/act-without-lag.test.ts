import { startTestStack, type TestStack } from '../support/local-stack';
import { PAIR_KINDS, runPairs, STATUS_REACHED, statusesNow } from '../support/create-then-act';

const PAIRS = 40;

/**
 * "A 202 means it will happen" and "never 409 for lag": a client that acts the moment it is told a
 * status (create then vet, create then grid-check, grid-check then accept) is accepted every time, and
 * every decision takes effect once the workflow catches up.
 */
describe('acting on the status just returned, before the workflow has opened the step', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 60_000);
  afterAll(() => t?.stop());

  it.each(PAIR_KINDS)('%s: no 409, and each decision takes effect', async (kind) => {
    const results = await runPairs(t, kind, PAIRS);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    await t.stack.settle();
    expect(await statusesNow(t, results)).toEqual(results.map(() => STATUS_REACHED[kind]));
  });
});
