import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  SFNServiceException,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { resetAroundEachTest } from '../../support/aws-mock';
import { SfnWorkflows } from '../../../lib/adapters/aws/sfn-workflows';

// The local engine stands in for Step Functions in behaviour, but not for its error names: these are
// what the AWS API answers, and the adapter turns them into the port's values.
const ARN = 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:case-lifecycle';
const EXECUTION = 'arn:aws-cn:states:cn-north-1:123456789012:execution:case-lifecycle';
const meta = { message: 'from the API', $metadata: {} };
/** Throttling is an error every AWS API may answer, not one of Step Functions' own modelled errors. */
const throttled = () => new SFNServiceException({ name: 'ThrottlingException', $fault: 'client', message: 'Rate exceeded', $metadata: {} });

describe('SfnWorkflows', () => {
  const client = new SFNClient({ region: 'cn-north-1' });
  const sfn = resetAroundEachTest(mockClient(client));
  const workflows = new SfnWorkflows(client, { 'case-lifecycle': ARN });

  it('starts an execution by name with the input as JSON', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${EXECUTION}:261123-7KQ2M`, startDate: new Date() });

    await workflows.start('case-lifecycle', '261123-7KQ2M', { caseId: '261123-7KQ2M' });

    expect(sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input)).toEqual([{ stateMachineArn: ARN, name: '261123-7KQ2M', input: '{"caseId":"261123-7KQ2M"}' }]);
  });

  it('takes ExecutionAlreadyExists as the start having happened (a start by name is idempotent)', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists(meta));

    await expect(workflows.start('case-lifecycle', '261123-7KQ2M', { caseId: '261123-7KQ2M' })).resolves.toBeUndefined();
  });

  it('lets any other start failure through', async () => {
    const error = throttled();
    sfn.on(StartExecutionCommand).rejects(error);

    await expect(workflows.start('case-lifecycle', '261123-7KQ2M', {})).rejects.toBe(error);
  });

  it('refuses to start a workflow it has no state machine for', async () => {
    await expect(workflows.start('wish', 'W4F9XA', {})).rejects.toThrow('no state machine configured for wish');
    expect(sfn.calls()).toHaveLength(0);
  });

  it('completes and fails tasks by token: resumed when Step Functions takes the answer', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    sfn.on(SendTaskFailureCommand).resolves({});

    expect(await workflows.completeTask('token-1', { accepted: true })).toBe('resumed');
    expect(await workflows.failTask('token-2', 'WishWithdrawn')).toBe('resumed');
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input).toEqual({ taskToken: 'token-1', output: '{"accepted":true}' });
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]!.args[0].input).toEqual({ taskToken: 'token-2', error: 'WishWithdrawn' });
  });

  it.each([
    ['TaskTimedOut', new TaskTimedOut(meta)],
    ['InvalidToken', new InvalidToken(meta)],
    ['TaskDoesNotExist', new TaskDoesNotExist(meta)],
  ])('answers gone when the token is no longer waited on (%s)', async (_, error) => {
    sfn.on(SendTaskSuccessCommand).rejects(error);
    sfn.on(SendTaskFailureCommand).rejects(error);

    expect(await workflows.completeTask('token-1', {})).toBe('gone');
    expect(await workflows.failTask('token-1', 'ClaimReleased')).toBe('gone');
  });

  it('lets a transient failure to answer a task through, so the caller retries', async () => {
    const error = throttled();
    sfn.on(SendTaskSuccessCommand).rejects(error);

    await expect(workflows.completeTask('token-1', {})).rejects.toBe(error);
  });

  it('describes an execution by name, and an unknown one as undefined', async () => {
    sfn
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-7KQ2M` })
      .resolves({ status: 'SUCCEEDED', startDate: new Date('2026-11-23T01:00:00Z'), stopDate: new Date('2026-11-23T02:00:00Z'), output: '{"closed":true}' })
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-ZZZZZ` })
      .rejects(new ExecutionDoesNotExist(meta));

    expect(await workflows.describe('case-lifecycle', '261123-7KQ2M')).toEqual({
      executionId: '261123-7KQ2M',
      status: 'SUCCEEDED',
      startedAt: '2026-11-23T01:00:00.000Z',
      stoppedAt: '2026-11-23T02:00:00.000Z',
      output: { closed: true },
    });
    expect(await workflows.describe('case-lifecycle', '261123-ZZZZZ')).toBeUndefined();
  });

  it('follows a stopped execution to its latest restart', async () => {
    const started = new Date('2026-11-23T01:00:00Z');
    sfn
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-7KQ2M` })
      .resolves({ status: 'FAILED', startDate: started, stopDate: started })
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-7KQ2M-r1` })
      .resolves({ status: 'ABORTED', startDate: started, stopDate: started })
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-7KQ2M-r2` })
      .resolves({ status: 'RUNNING', startDate: started })
      .on(DescribeExecutionCommand, { executionArn: `${EXECUTION}:261123-7KQ2M-r3` })
      .rejects(new ExecutionDoesNotExist(meta));

    expect(await workflows.describe('case-lifecycle', '261123-7KQ2M')).toEqual({ executionId: '261123-7KQ2M-r2', status: 'RUNNING', startedAt: started.toISOString() });
  });
});
