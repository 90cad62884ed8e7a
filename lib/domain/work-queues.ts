import type { CaseStep } from './case';

/**
 * The worklists staff work from, by name: a grid's, a department's, or the centre's. A step waits in
 * one (`queueOfStep`); a staff member reads the ones they answer for (lib/use-cases/case/worklist.ts).
 * The names are stored (the DynamoDB adapter's work-queue index is keyed by them): change none.
 */
export const CENTRE_QUEUE = 'CENTRE';
export const gridQueue = (gridId: string) => `GRID#${gridId}`;
export const departmentQueue = (departmentId: string) => `DEPT#${departmentId}`;

/** Which worklist a step waits in: the grid's, the department's, or the centre's. Feedback waits on a resident. */
export function queueOfStep(step: { step: CaseStep; assignee: { gridId?: string; departmentId?: string; centre?: boolean } }): string | undefined {
  if (step.step === 'feedback') return undefined;
  if (step.step === 'centre-review' || step.assignee.centre) return CENTRE_QUEUE;
  if (step.step === 'accept' || step.step === 'resolve') return step.assignee.departmentId ? departmentQueue(step.assignee.departmentId) : CENTRE_QUEUE;
  return step.assignee.gridId ? gridQueue(step.assignee.gridId) : CENTRE_QUEUE;
}
