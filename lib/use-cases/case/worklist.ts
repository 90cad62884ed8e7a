import type { StaffActor } from '../../domain/actor';
import { isCentre, worklistScope } from '../../domain/policy';
import { CENTRE_QUEUE, departmentQueue, gridQueue } from '../../domain/work-queues';
import type { CaseStore } from '../../ports/case-store';
import type { RepairStore } from '../../ports/repair-store';
import { attentionWorklist } from '../repair/attention';

/**
 * The queues a staff member works from: their grids, their department, or the centre's. The centre
 * also watches the district's (兜底): what nobody accepted waits there, whistled only once a day.
 */
export function queuesOf(actor: StaffActor, districtDepartmentId: string): string[] {
  const scope = worklistScope(actor, districtDepartmentId);
  return [...scope.grids.map(gridQueue), ...(scope.centre ? [CENTRE_QUEUE] : []), ...scope.departments.map(departmentQueue)];
}

/**
 * `GET /v1/worklist`: what waits for the caller now, soonest due first; reads only those queues. The
 * centre also sees, first, every case, wish or visit whose workflow stopped on a failure and waits on it.
 */
export async function worklist(deps: { cases: CaseStore; repair: RepairStore; centre: { districtDepartmentId: string } }, actor: StaffActor) {
  const steps = await deps.cases.worklist(queuesOf(actor, deps.centre.districtDepartmentId));
  const work = steps.map((s) => ({ caseId: s.caseId, step: s.step, dueAt: s.dueAt, category: s.category, ...(s.assignee.gridId ? { gridId: s.assignee.gridId } : {}) }));
  return isCentre(actor) ? [...(await attentionWorklist(deps)), ...work] : work;
}
