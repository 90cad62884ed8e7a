import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { load } from 'js-yaml';
import { AppError, CaseMissingError, ContendedError, VisitMissingError, WishMissingError } from '../../../lib/errors';

/*
 * A case, wish or visit that no longer exists will not come back, so a task that finds its entity gone
 * goes straight to the Catch (the centre) instead of six back-offs; anything else a task throws (a lost
 * race, a throttled SMS) is retried. Step Functions takes the first Retry entry whose ErrorEquals
 * matches, so the *MissingError entry must come before States.TaskFailed — in every lifecycle workflow.
 */

const MISSING = ['CaseMissingError', 'WishMissingError', 'VisitMissingError'];
const LIFECYCLES = ['case-lifecycle', 'wish', 'wish-claim', 'companion-visit'];

type Retrier = { ErrorEquals: string[]; MaxAttempts?: number };
type Task = { Type: string; Retry?: Retrier[] };
const definitionOf = (name: string) => load(readFileSync(join(__dirname, '../../../workflows', `${name}.asl.yml`), 'utf8')) as { States: Record<string, Task> };

describe.each(LIFECYCLES)('workflow %s', (name) => {
  it('never retries a task whose case, wish or visit is missing, and lists that before the transient errors it retries', () => {
    for (const [state, task] of Object.entries(definitionOf(name).States).filter(([, s]) => s.Type === 'Task')) {
      const retriers = task.Retry ?? [];
      const missing = retriers.findIndex((r) => MISSING.every((e) => r.ErrorEquals.includes(e)));
      const transient = retriers.findIndex((r) => r.ErrorEquals.includes('States.TaskFailed'));
      expect({ state, missing: missing >= 0 && retriers[missing]!.MaxAttempts === 0, before: missing < transient }).toEqual({ state, missing: true, before: true });
    }
  });
});

describe('the local engine honours the order of Retry entries, as Step Functions does', () => {
  /** One task with the wish workflow's own Retry block, its failure caught; counts the task's runs. */
  async function runsUntilCaught(error: AppError): Promise<number> {
    const vet = definitionOf('wish').States['Wait for the grid worker to vet']!;
    const machine = new StateMachine(
      {
        StartAt: 'Task',
        States: {
          Task: { Type: 'Task', Resource: 'arn:aws:lambda:ap-southeast-1:000000000000:function:task', Retry: vet.Retry, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true },
          Caught: { Type: 'Pass', End: true },
        },
      } as never,
      { validationOptions: { checkArn: false } },
    );
    let runs = 0;
    const task = async () => {
      runs += 1;
      throw error;
    };
    await machine.run({}, { overrides: { taskResourceLocalHandlers: { Task: task }, retryIntervalOverrides: { Task: 0 } } }).result;
    return runs;
  }

  it('runs a task whose entity is missing once, whichever kind', async () => {
    for (const error of [new WishMissingError('W1'), new VisitMissingError('V1'), new CaseMissingError('C1')]) expect({ error: error.name, runs: await runsUntilCaught(error) }).toEqual({ error: error.name, runs: 1 });
  });

  it('retries a lost race (ContendedError) with the transient entry: 1 run + 6 retries', async () => {
    expect(await runsUntilCaught(new ContendedError('wish W1'))).toBe(7);
  });
});
