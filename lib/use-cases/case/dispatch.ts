import type { DispatchInput } from '../../contracts/tasks/case';
import { shanghaiDay, toShanghaiIso } from '../../domain/case';
import { dispatchTarget } from '../../domain/case-actions';
import { ACCEPT_HOURS, seconds } from '../../domain/deadlines';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';
import { loadCase } from './recipients';

export interface DispatchResult {
  departmentId: string;
  dispatchCount: number;
  acceptSeconds: number;
}

export type DispatchCaseDeps = Pick<Ports, 'cases' | 'reference' | 'centre' | 'clock'>;

/** 派单 / 吹哨: routes the case to a department (see `dispatchTarget`) and counts it received there once. */
export function dispatchCase(deps: DispatchCaseDeps, input: DispatchInput): Promise<DispatchResult> {
  return retryOnLostRace(`case ${input.caseId}`, async () => {
    const record = await loadCase(deps, input.caseId);
    const acceptSeconds = seconds(ACCEPT_HOURS[record.priority]);
    if ((record.dispatchCount ?? 0) > input.dispatchCount && record.departmentId) {
      return { done: { departmentId: record.departmentId, dispatchCount: record.dispatchCount!, acceptSeconds } };
    }
    const [departments, categories] = await Promise.all([deps.reference.departments(), deps.reference.categories()]);
    const departmentId = dispatchTarget(record, { categories, departments, districtDepartmentId: deps.centre.districtDepartmentId }, input);
    const name = departments.find((d) => d.departmentId === departmentId)?.name ?? departmentId;
    const dispatchCount = (record.dispatchCount ?? 0) + 1;
    const done = await deps.cases.transition({
      caseId: record.caseId,
      expectedVersion: record.version,
      set: { departmentId, dispatchCount, status: 'dispatched' },
      event: { at: toShanghaiIso(deps.clock.now()), status: 'dispatched', actor: 'system', note: input.toDistrict ? `无部门签收，转${name}兜底` : `派单至${name}` },
      // A department receives a case once, however often it comes back to it reopened.
      metrics: record.departmentId === departmentId ? [] : [{ day: shanghaiDay(record.createdAt), dims: { department: departmentId }, counters: { received: 1 } }],
    });
    return done ? { done: { departmentId, dispatchCount, acceptSeconds } } : 'lost';
  });
}
