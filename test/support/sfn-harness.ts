import { SFNClient } from '@aws-sdk/client-sfn';
import { Activity } from '../../local/activity';
import { VirtualClock } from '../../local/clock';
import { close, listen, serveJson } from '../../local/http-util';
import { LocalStepFunctions } from '../../local/sfn/engine';
import { FileJournal, noJournal } from '../../local/sfn/journal';
import { sfnRoute } from '../../local/sfn/server';

export type FakeLambda = (payload: any) => Promise<unknown> | unknown;

export interface SfnHarnessOptions {
  /** Keep a journal there, so `restart()` can show what survives a process restart. */
  journalDir?: string;
  startAt?: Date;
  /** State machines to register at start (a restart registers the same ones again). */
  machines?: Map<string, Record<string, unknown>>;
}

export type SfnHarness = Awaited<ReturnType<typeof startSfnHarness>>;

/** The local Step Functions service alone, on a frozen virtual clock, with fake Lambda functions. */
export async function startSfnHarness(lambdas: Record<string, FakeLambda>, options: SfnHarnessOptions = {}) {
  const activity = new Activity();
  const settle = () => activity.idle(120_000, 'the Step Functions harness');
  const clock = new VirtualClock(0, settle, options.startAt ?? new Date('2026-11-23T01:00:00Z'));
  const engine = new LocalStepFunctions(
    clock,
    async (arn, payload) => {
      const fn = lambdas[arn.split(':').pop()!];
      if (!fn) throw Object.assign(new Error(`no function ${arn}`), { name: 'Lambda.ResourceNotFoundException' });
      return fn(payload);
    },
    'ap-southeast-1',
    '000000000000',
    options.journalDir ? new FileJournal(options.journalDir) : noJournal,
    activity,
  );
  const machines = new Map(options.machines);
  for (const [arn, definition] of machines) engine.register(arn, arn.split(':').pop()!, definition);
  const { server, port } = await listen(serveJson(sfnRoute(engine)));
  const client = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const stop = async () => {
    engine.stopAll();
    client.destroy();
    await close(server);
  };
  return {
    clock,
    engine,
    client,
    settle,
    register(definition: Record<string, unknown>): string {
      const arn = `arn:aws:states:ap-southeast-1:000000000000:stateMachine:test-${machines.size + 1}`;
      machines.set(arn, definition);
      engine.register(arn, arn.split(':').pop()!, definition);
      return arn;
    },
    /**
     * As if the process had been killed and started again on the same journal: this engine is let go
     * (nothing it still holds in memory reaches the journal) and a new one restores from the journal,
     * at the virtual time this one had reached.
     */
    async restart(nextLambdas: Record<string, FakeLambda> = lambdas) {
      await stop();
      const next = await startSfnHarness(nextLambdas, { ...options, startAt: clock.now(), machines });
      next.engine.restore();
      await next.settle();
      return next;
    },
    stop,
  };
}

export const fnArn = (name: string) => `arn:aws:lambda:ap-southeast-1:000000000000:function:${name}`;

/** A person's step: the Lambda `open-step` receives a token, the workflow waits for it for an hour. */
export const askTheGridWorker = (rest: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: fnArn('open-step'), Payload: { 'caseId.$': '$.caseId', 'taskToken.$': '$$.Task.Token' } },
  TimeoutSeconds: 3600,
  ResultPath: '$.answer',
  ...rest,
});
