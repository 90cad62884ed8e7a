import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { askTheGridWorker, fnArn, startSfnHarness } from '../support/sfn-harness';

type Harness = Awaited<ReturnType<typeof startSfnHarness>>;

/** A person's step: the Lambda receives a token, the workflow waits for it, with a deadline. */
const humanStep = (extra: Record<string, unknown> = {}) => ({
  StartAt: 'Ask the grid worker',
  States: {
    'Ask the grid worker': askTheGridWorker({
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Escalate' },
        { ErrorEquals: ['Refused'], ResultPath: '$.error', Next: 'Re-dispatch' },
      ],
      End: true,
      ...extra,
    }),
    Escalate: { Type: 'Pass', Result: 'escalated', ResultPath: '$.outcome', End: true },
    'Re-dispatch': { Type: 'Pass', Result: 're-dispatched', ResultPath: '$.outcome', End: true },
  },
});

describe('local Step Functions through @aws-sdk/client-sfn', () => {
  let h: Harness;
  const tokens: string[] = [];

  beforeEach(async () => {
    tokens.length = 0;
    h = await startSfnHarness({
      'open-step': (payload) => {
        tokens.push(payload.taskToken);
        return { ok: true };
      },
      'add-one': (payload) => ({ value: payload.value + 1 }),
      'always-fails': () => {
        throw Object.assign(new Error('case is gone'), { name: 'CaseMissingError' });
      },
    });
  });
  afterEach(() => h.stop());

  async function start(definition: Record<string, unknown>, input: unknown, name?: string) {
    const stateMachineArn = h.register(definition);
    const out = await h.client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }));
    await h.settle();
    return { stateMachineArn, executionArn: out.executionArn! };
  }

  const describe_ = (executionArn: string) => h.client.send(new DescribeExecutionCommand({ executionArn }));

  it('hands a token to the Lambda and resumes on SendTaskSuccess with its output', async () => {
    const { executionArn } = await start(humanStep(), { caseId: 'c1' });
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    expect(tokens).toHaveLength(1);

    await h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: JSON.stringify({ outcome: 'needs-dispatch' }) }));
    await h.settle();

    const done = await describe_(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ caseId: 'c1', answer: { outcome: 'needs-dispatch' } });
  });

  it('routes SendTaskFailure to the Catch that names its error', async () => {
    const { executionArn } = await start(humanStep(), { caseId: 'c2' });
    await h.client.send(new SendTaskFailureCommand({ taskToken: tokens[0], error: 'Refused', cause: 'not ours' }));
    await h.settle();
    const out = JSON.parse((await describe_(executionArn)).output!);
    expect(out).toMatchObject({ outcome: 're-dispatched', error: { Error: 'Refused' } });
  });

  it('times a task out on the virtual clock, then refuses its token with TaskTimedOut', async () => {
    const { executionArn } = await start(humanStep(), { caseId: 'c3' });
    await h.clock.advance(3599);
    expect((await describe_(executionArn)).status).toBe('RUNNING');

    await h.clock.advance(2);
    const out = JSON.parse((await describe_(executionArn)).output!);
    expect(out).toMatchObject({ outcome: 'escalated', error: { Error: 'States.Timeout' } });

    await expect(h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('honours TimeoutSecondsPath from the input', async () => {
    const definition = humanStep({ TimeoutSeconds: undefined, TimeoutSecondsPath: '$.limit' });
    const { executionArn } = await start(definition, { caseId: 'c4', limit: 60 });
    await h.clock.advance(61);
    expect(JSON.parse((await describe_(executionArn)).output!).outcome).toBe('escalated');
  });

  it('keeps a task alive while heartbeats arrive, and times it out when they stop', async () => {
    const { executionArn } = await start(humanStep({ HeartbeatSeconds: 60 }), { caseId: 'c5' });
    await h.clock.advance(50);
    await h.client.send(new SendTaskHeartbeatCommand({ taskToken: tokens[0] }));
    await h.clock.advance(50);
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    await h.clock.advance(11);
    expect(JSON.parse((await describe_(executionArn)).output!).outcome).toBe('escalated');
  });

  it('fails the execution, and only the execution, when the Lambda handing out a token throws', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const definition = {
        StartAt: 'Ask',
        States: {
          Ask: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            Parameters: { FunctionName: fnArn('always-fails'), Payload: { 'taskToken.$': '$$.Task.Token' } },
            TimeoutSeconds: 3600,
            End: true,
          },
        },
      };
      const { executionArn } = await start(definition, { caseId: 'c10' });
      await new Promise((r) => setImmediate(r));
      const failed = await describe_(executionArn);
      expect(failed).toMatchObject({ status: 'FAILED', error: 'CaseMissingError' });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('answers InvalidToken for a token it never issued', async () => {
    await expect(h.client.send(new SendTaskSuccessCommand({ taskToken: 'AQnot-a-token', output: '{}' }))).rejects.toMatchObject({ name: 'InvalidToken' });
  });

  it('refuses a second answer to the same task', async () => {
    await start(humanStep(), { caseId: 'c6' });
    await h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }));
    await expect(h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('returns Lambda results in the {Payload, StatusCode} envelope and catches Lambda errors by name', async () => {
    const definition = {
      StartAt: 'Add',
      States: {
        Add: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: fnArn('add-one'), 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload.value', 'status.$': '$.StatusCode' },
          Next: 'Fail',
        },
        Fail: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: fnArn('always-fails'), Payload: {} },
          Catch: [{ ErrorEquals: ['CaseMissingError'], ResultPath: '$.error', Next: 'Done' }],
          ResultPath: null,
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const { executionArn } = await start(definition, { value: 41 });
    const out = JSON.parse((await describe_(executionArn)).output!);
    expect(out).toMatchObject({ value: 42, status: 200, error: { Error: 'CaseMissingError' } });
  });

  it('runs Wait states on the virtual clock', async () => {
    const definition = { StartAt: 'Wait a day', States: { 'Wait a day': { Type: 'Wait', Seconds: 86400, End: true } } };
    const { executionArn } = await start(definition, {});
    await h.clock.advance(86399);
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    await h.clock.advance(1);
    expect((await describe_(executionArn)).status).toBe('SUCCEEDED');
  });

  it('treats a repeated start as AWS does: same name and input is the same execution, other input is refused', async () => {
    const { stateMachineArn, executionArn } = await start(humanStep(), { caseId: 'c7' }, 'case-c7');
    const again = await h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'case-c7', input: JSON.stringify({ caseId: 'c7' }) }));
    expect(again.executionArn).toBe(executionArn);
    await expect(
      h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'case-c7', input: JSON.stringify({ caseId: 'other' }) })),
    ).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });

  it('stops an execution and lists it with its status', async () => {
    const { stateMachineArn, executionArn } = await start(humanStep(), { caseId: 'c8' });
    await h.client.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn' }));
    await h.settle();
    expect((await describe_(executionArn)).status).toBe('ABORTED');
    const listed = await h.client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'ABORTED' }));
    expect(listed.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    await expect(h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('records a history of states and tasks', async () => {
    const { executionArn } = await start(humanStep(), { caseId: 'c9' });
    await h.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{"ok":true}' }));
    await h.settle();
    const { events } = await h.client.send(new GetExecutionHistoryCommand({ executionArn }));
    const types = events!.map((e) => e.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types).toEqual(expect.arrayContaining(['TaskStateEntered', 'TaskScheduled', 'TaskSucceeded', 'TaskStateExited']));
    expect(types[types.length - 1]).toBe('ExecutionSucceeded');
  });
});
