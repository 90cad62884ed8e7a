export const WORKFLOWS = ['case-lifecycle'] as const;
export type WorkflowName = (typeof WORKFLOWS)[number];

export interface Workflows {
  /** Starts one execution named `name`; starting the same name again is a no-op, not an error. */
  start(workflow: WorkflowName, name: string, input: Record<string, string | number | boolean>): Promise<void>;
}
