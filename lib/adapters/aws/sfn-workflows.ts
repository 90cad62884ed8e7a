import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowName, Workflows } from '../../ports/workflows';

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

  async completeTask(token: string, output: Record<string, unknown>): Promise<'resumed' | 'gone'> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
      return 'resumed';
    } catch (err) {
      if (['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist'].includes((err as { name?: string }).name ?? '')) return 'gone';
      throw err;
    }
  }
}
