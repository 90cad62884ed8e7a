import { DescribeExecutionCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ExecutionView, WorkflowInput, WorkflowName, Workflows } from '../../ports/workflows';

const STOPPED = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
const MAX_RESTARTS_FOLLOWED = 20;

/** Starts executions by name: Step Functions refuses a second execution of one name, which makes starts idempotent. */
export class SfnWorkflows implements Workflows {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArns: Partial<Record<WorkflowName, string>>,
  ) {}

  async start(workflow: WorkflowName, name: string, input: WorkflowInput): Promise<void> {
    const stateMachineArn = this.stateMachineArns[workflow];
    if (!stateMachineArn) throw new Error(`no state machine configured for ${workflow}`);
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'ExecutionAlreadyExists') throw err;
    }
  }

  completeTask(token: string, output: Record<string, unknown>): Promise<'resumed' | 'gone'> {
    return this.resume(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
  }

  failTask(token: string, error: string): Promise<'resumed' | 'gone'> {
    return this.resume(new SendTaskFailureCommand({ taskToken: token, error }));
  }

  private async resume(command: SendTaskSuccessCommand | SendTaskFailureCommand): Promise<'resumed' | 'gone'> {
    try {
      await this.client.send(command as SendTaskSuccessCommand);
      return 'resumed';
    } catch (err) {
      if (['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'].includes((err as { name?: string }).name ?? '')) return 'gone';
      throw err;
    }
  }

  /**
   * Follows the restarts: an execution the reconciler replaced (stopped, then started again as
   * `<name>-r1`, `<name>-r2`, …) is described by its latest restart, so callers asking whether an
   * entity's workflow still runs get the answer for the one that does.
   */
  async describe(workflow: WorkflowName, name: string): Promise<ExecutionView | undefined> {
    let view = await this.describeOne(workflow, name);
    for (let restart = 1; view && STOPPED.has(view.status) && restart <= MAX_RESTARTS_FOLLOWED; restart += 1) {
      const next = await this.describeOne(workflow, `${name}-r${restart}`);
      if (!next) break;
      view = next;
    }
    return view;
  }

  private async describeOne(workflow: WorkflowName, name: string): Promise<ExecutionView | undefined> {
    const stateMachineArn = this.stateMachineArns[workflow];
    if (!stateMachineArn) throw new Error(`no state machine configured for ${workflow}`);
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    try {
      const out = await this.client.send(new DescribeExecutionCommand({ executionArn }));
      return {
        executionId: name,
        status: out.status as ExecutionView['status'],
        startedAt: out.startDate!.toISOString(),
        ...(out.stopDate ? { stoppedAt: out.stopDate.toISOString() } : {}),
        ...(out.output ? { output: JSON.parse(out.output) as unknown } : {}),
      };
    } catch (err) {
      if ((err as { name?: string }).name === 'ExecutionDoesNotExist') return undefined;
      throw err;
    }
  }
}
