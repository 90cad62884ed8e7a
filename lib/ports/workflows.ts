export const WORKFLOWS = ['case-lifecycle', 'companion-visit', 'weekly-roster', 'wish', 'wish-claim', 'wish-matching', 'reconcile'] as const;
export type WorkflowName = (typeof WORKFLOWS)[number];

type InputValue = string | number | boolean | null | InputValue[] | { [key: string]: InputValue };
export type WorkflowInput = Record<string, InputValue>;

export interface Workflows {
  /**
   * Starts one execution named `name`; starting the same name again is a no-op, not an error. Input is
   * ids, codes and numbers (a restart also passes the step to resume at, with its deadlines).
   */
  start(workflow: WorkflowName, name: string, input: WorkflowInput): Promise<void>;
  /**
   * Resumes a step waiting on `token` with `output`. `gone` when the token is no longer live (the step
   * timed out into a reminder and waits on a new token, which replays the stored decision).
   */
  completeTask(token: string, output: Record<string, unknown>): Promise<'resumed' | 'gone'>;
  /** Fails the step waiting on `token` with `error` (its Catch decides what follows); `gone` as above. */
  failTask(token: string, error: string): Promise<'resumed' | 'gone'>;
  /**
   * One execution of a workflow, by the name it was started with; if that one stopped and was restarted
   * (`<name>-r<n>`, see the reconciler), the latest restart.
   */
  describe(workflow: WorkflowName, name: string): Promise<ExecutionView | undefined>;
}

export interface ExecutionView {
  executionId: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';
  startedAt: string;
  stoppedAt?: string;
  output?: unknown;
}
