import type { StaffActor } from '../../domain/actor';
import type { CaseStore } from '../../ports/case-store';

/** The queues a staff member works from: their grids, their department, or the centre's. */
export function queuesOf(actor: StaffActor): string[] {
  switch (actor.role) {
    case 'grid-worker':
      return actor.grids.map((g) => `GRID#${g}`);
    case 'department':
      return actor.departmentId ? [`DEPT#${actor.departmentId}`] : [];
    case 'admin':
      return ['CENTRE'];
    default:
      return [];
  }
}

/** `GET /v1/worklist`: what waits for the caller now, soonest due first; reads only those queues. */
export async function worklist(deps: { cases: CaseStore }, actor: StaffActor) {
  const steps = await deps.cases.worklist(queuesOf(actor));
  return steps.map((s) => ({ caseId: s.caseId, step: s.step, dueAt: s.dueAt, category: s.category, ...(s.assignee.gridId ? { gridId: s.assignee.gridId } : {}) }));
}
