import { DescribeExecutionCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ExecutionView, WorkflowName, Workflows } from '../../ports/workflows';

/** Starts executions by name: Step Functions refuses a second execution of one name, which makes starts idempotent. */
export class SfnWorkflows implements Workflows {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArns: Partial<Record<WorkflowName, string>>,
  ) {}

  async start(workflow: WorkflowName, name: string, input: Record<string, string | number | boolean>): Promise<void> {
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

  async describe(workflow: WorkflowName, name: string): Promise<ExecutionView | undefined> {
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
