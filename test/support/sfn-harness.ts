import { SFNClient } from '@aws-sdk/client-sfn';
import { VirtualClock } from '../../local/clock';
import { close, listen, serveJson } from '../../local/http-util';
import { LocalStepFunctions } from '../../local/sfn/engine';
import { sfnRoute } from '../../local/sfn/server';

export type FakeLambda = (payload: any) => Promise<unknown> | unknown;

/** The local Step Functions service alone, on a frozen virtual clock, with fake Lambda functions. */
export async function startSfnHarness(lambdas: Record<string, FakeLambda>) {
  // eslint-disable-next-line prefer-const
  let engine: LocalStepFunctions;
  const settle = async () => {
    while (!engine.isIdle()) await new Promise((r) => setTimeout(r, 2));
  };
  const clock = new VirtualClock(0, settle, new Date('2026-11-23T01:00:00Z'));
  engine = new LocalStepFunctions(
    clock,
    async (arn, payload) => {
      const fn = lambdas[arn.split(':').pop()!];
      if (!fn) throw Object.assign(new Error(`no function ${arn}`), { name: 'Lambda.ResourceNotFoundException' });
      return fn(payload);
    },
    'ap-southeast-1',
    '000000000000',
  );
  const { server, port } = await listen(serveJson(sfnRoute(engine)));
  const client = new SFNClient({ endpoint: `http://127.0.0.1:${port}`, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  let n = 0;
  return {
    clock,
    engine,
    client,
    settle,
    register(definition: Record<string, unknown>): string {
      n += 1;
      const arn = `arn:aws:states:ap-southeast-1:000000000000:stateMachine:test-${n}`;
      engine.register(arn, `test-${n}`, definition);
      return arn;
    },
    async stop() {
      engine.stopAll();
      client.destroy();
      await close(server);
    },
  };
}

export const fnArn = (name: string) => `arn:aws:lambda:ap-southeast-1:000000000000:function:${name}`;
