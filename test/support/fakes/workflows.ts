import type { ExecutionView, WorkflowInput, WorkflowName, Workflows } from '../../../lib/ports/workflows';
import type { Clock } from '../../../lib/ports/clock';
import { copy } from './copy';

const STOPPED = new Set<ExecutionView['status']>(['FAILED', 'TIMED_OUT', 'ABORTED']);

export interface StartedExecution {
  workflow: WorkflowName;
  name: string;
  input: WorkflowInput;
  startedAt: string;
}

/**
 * Records what use cases ask of the workflow engine: executions started (once per name, as Step
 * Functions treats a repeated name with the same input), tasks completed and failed. A token answers
 * `gone` once it has been answered or a test has expired it (`expire`), as a timed-out task's does.
 */
export class FakeWorkflows implements Workflows {
  readonly started: StartedExecution[] = [];
  readonly completed: Array<{ token: string; output: Record<string, unknown> }> = [];
  readonly failed: Array<{ token: string; error: string }> = [];
  private readonly goneTokens = new Set<string>();
  private unavailableFor = 0;
  private readonly stopped = new Map<string, Pick<ExecutionView, 'status' | 'stoppedAt' | 'output'>>();

  constructor(private readonly clock: Clock) {}

  /**
   * A test's say: the next `calls` calls to start, complete or fail fail as Step Functions does when an
   * outage outlasts the SDK's own retries (a 503), having done nothing.
   */
  outage(calls = 1): void {
    this.unavailableFor = calls;
  }

  private reach(): void {
    if (this.unavailableFor === 0) return;
    this.unavailableFor -= 1;
    throw Object.assign(new Error('Step Functions unavailable (test outage)'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
  }

  async start(workflow: WorkflowName, name: string, input: WorkflowInput): Promise<void> {
    this.reach();
    if (this.started.some((e) => e.workflow === workflow && e.name === name)) return;
    this.started.push({ workflow, name, input: copy(input), startedAt: this.clock.now().toISOString() });
  }

  async completeTask(token: string, output: Record<string, unknown>): Promise<'resumed' | 'gone'> {
    this.reach();
    if (this.goneTokens.has(token)) return 'gone';
    this.goneTokens.add(token);
    this.completed.push({ token, output: copy(output) });
    return 'resumed';
  }

  async failTask(token: string, error: string): Promise<'resumed' | 'gone'> {
    this.reach();
    if (this.goneTokens.has(token)) return 'gone';
    this.goneTokens.add(token);
    this.failed.push({ token, error });
    return 'resumed';
  }

  /** The execution started as `name`; while it has stopped, its restart (`<name>-r1`, `-r2`…) if there is one. */
  async describe(workflow: WorkflowName, name: string): Promise<ExecutionView | undefined> {
    let view = this.describeOne(workflow, name);
    for (let restart = 1; view && STOPPED.has(view.status); restart += 1) {
      const next = this.describeOne(workflow, `${name}-r${restart}`);
      if (!next) break;
      view = next;
    }
    return view;
  }

  private describeOne(workflow: WorkflowName, name: string): ExecutionView | undefined {
    const run = this.started.find((e) => e.workflow === workflow && e.name === name);
    if (!run) return undefined;
    return { executionId: name, status: 'RUNNING', startedAt: run.startedAt, ...copy(this.stopped.get(`${workflow}/${name}`) ?? {}) };
  }

  /** A test's say: the task waiting on this token is no longer live (it timed out, its execution stopped). */
  expire(token: string): void {
    this.goneTokens.add(token);
  }

  /** A test's say: this execution has stopped. */
  stop(workflow: WorkflowName, name: string, how: Pick<ExecutionView, 'status' | 'output'>): void {
    this.stopped.set(`${workflow}/${name}`, { ...how, stoppedAt: this.clock.now().toISOString() });
  }

  /** The names started for one workflow, in order. */
  startedNames(workflow: WorkflowName): string[] {
    return this.started.filter((e) => e.workflow === workflow).map((e) => e.name);
  }
}
