export const WORKFLOWS = ['case-lifecycle'] as const;
export type WorkflowName = (typeof WORKFLOWS)[number];

export interface Workflows {
  /** Starts one execution named `name`; starting the same name again is a no-op, not an error. */
  start(workflow: WorkflowName, name: string, input: Record<string, string | number | boolean>): Promise<void>;
  /**
   * Resumes a step waiting on `token` with `output`. `gone` when the token is no longer live (the step
   * timed out into a reminder and waits on a new token, which replays the stored decision).
   */
  completeTask(token: string, output: Record<string, unknown>): Promise<'resumed' | 'gone'>;
}
