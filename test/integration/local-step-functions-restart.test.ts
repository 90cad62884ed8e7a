import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { askTheGridWorker, fnArn, startSfnHarness, type FakeLambda, type SfnHarness } from '../support/sfn-harness';

/** A person's step with a deadline, then a Lambda that acts on the answer. */
const humanStep = {
  StartAt: 'Ask the grid worker',
  States: {
    'Ask the grid worker': askTheGridWorker({ Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Escalate' }], Next: 'Act on the answer' }),
    'Act on the answer': {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: fnArn('act'), 'Payload.$': '$' },
      ResultSelector: { 'done.$': '$.Payload.done' },
      ResultPath: '$.acted',
      End: true,
    },
    Escalate: { Type: 'Pass', Result: 'escalated', ResultPath: '$.outcome', End: true },
  },
};

const waitADay = { StartAt: 'Wait a day', States: { 'Wait a day': { Type: 'Wait', Seconds: 86400, Next: 'Done' }, Done: { Type: 'Pass', Result: 'waited', End: true } } };

describe('local Step Functions across a restart of the process', () => {
  let dir: string;
  let h: SfnHarness;
  let handedOut: Array<{ caseId: string; taskToken: string }>;
  let acted: number;
  const lambdas = (): Record<string, FakeLambda> => ({
    'open-step': (payload) => void handedOut.push(payload),
    act: () => ({ done: ++acted }),
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sfn-journal-'));
    handedOut = [];
    acted = 0;
    h = await startSfnHarness(lambdas(), { journalDir: dir });
  });
  afterEach(async () => {
    await h.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(definition: Record<string, unknown>, input: unknown, name: string) {
    const stateMachineArn = h.register(definition);
    const out = await h.client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    await h.settle();
    return { stateMachineArn, executionArn: out.executionArn! };
  }
  const describe_ = (executionArn: string) => h.client.send(new DescribeExecutionCommand({ executionArn }));

  it('honours a token handed out before the restart, and keeps the whole history', async () => {
    const { executionArn } = await start(humanStep, { caseId: 'c1' }, 'case-c1');
    h = await h.restart();
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    expect(handedOut).toHaveLength(1); // not handed out again

    await h.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{"outcome":"needs-dispatch"}' }));
    await h.settle();

    const done = await describe_(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ caseId: 'c1', answer: { outcome: 'needs-dispatch' }, acted: { done: 1 } });
    const types = (await h.client.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((e) => e.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types.filter((t) => t === 'TaskStateEntered')).toHaveLength(2);
    expect(types[types.length - 1]).toBe('ExecutionSucceeded');
  });

  it('fires a task timeout at its original virtual time after the restart', async () => {
    const { executionArn } = await start(humanStep, { caseId: 'c2' }, 'case-c2');
    await h.clock.advance(1800);
    h = await h.restart();
    await h.clock.advance(1799);
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    await h.clock.advance(2);
    expect(JSON.parse((await describe_(executionArn)).output!)).toMatchObject({ outcome: 'escalated' });
  });

  it('ends a Wait state at its original virtual time after the restart', async () => {
    const { executionArn } = await start(waitADay, {}, 'wait-1');
    await h.clock.advance(43200);
    h = await h.restart();
    await h.clock.advance(43199);
    expect((await describe_(executionArn)).status).toBe('RUNNING');
    await h.clock.advance(1);
    expect((await describe_(executionArn)).status).toBe('SUCCEEDED');
  });

  it('moves on with an answer given just before the kill, running the next Lambda again', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    const { executionArn } = await start(humanStep, { caseId: 'c3' }, 'case-c3');
    const beforeKill = { ...lambdas(), act: () => stuck.then(() => ({ done: -1 })) };
    h = await h.restart(beforeKill);
    await h.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{"outcome":"resolved-on-site"}' }));
    h = await h.restart(lambdas());
    release();
    const done = await describe_(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ answer: { outcome: 'resolved-on-site' }, acted: { done: 1 } });
  });

  it('hands the same token out again when the kill came before the hand-out returned', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    const slow = { ...lambdas(), 'open-step': (payload: { caseId: string; taskToken: string }) => (handedOut.push(payload), stuck) };
    await h.stop();
    h = await startSfnHarness(slow, { journalDir: dir });
    const stateMachineArn = h.register(humanStep);
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'case-c4', input: '{"caseId":"c4"}' }));
    await new Promise((r) => setTimeout(r, 20));
    h = await h.restart(lambdas());
    release();
    expect(handedOut.map((p) => p.taskToken)).toEqual([handedOut[0]!.taskToken, handedOut[0]!.taskToken]);
    await h.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{}' }));
    await h.settle();
    expect((await describe_(executionArn!)).status).toBe('SUCCEEDED');
  });

  it('keeps finished executions: names stay reserved and spent tokens answer TaskTimedOut', async () => {
    const { stateMachineArn, executionArn } = await start(humanStep, { caseId: 'c5' }, 'case-c5');
    await h.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{}' }));
    await h.settle();
    h = await h.restart();
    expect((await describe_(executionArn)).status).toBe('SUCCEEDED');
    await expect(h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'case-c5', input: '{"caseId":"other"}' }))).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
    await expect(h.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{}' }))).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('drops a finished execution 90 days after it ended, as AWS does, and frees its name', async () => {
    const { stateMachineArn, executionArn } = await start(waitADay, {}, 'wait-2');
    await h.clock.advance(86400);
    expect((await describe_(executionArn)).status).toBe('SUCCEEDED');
    await h.clock.advance(90 * 86400 + 1);
    h = await h.restart();
    await expect(describe_(executionArn)).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await h.client.send(new StartExecutionCommand({ stateMachineArn, name: 'wait-2', input: '{}' }));
  });

  it('keeps an execution aborted by a graceful stop RUNNING on disk', async () => {
    const { executionArn } = await start(humanStep, { caseId: 'c6' }, 'case-c6');
    h = await h.restart();
    h = await h.restart();
    expect((await describe_(executionArn)).status).toBe('RUNNING');
  });
});
