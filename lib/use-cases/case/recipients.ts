import type { CaseRecord } from '../../domain/case';
import { CaseMissingError } from '../../errors';
import type { CaseDeps } from './deps';

/** Looks up who to tell and what to call things; phones are read here and go straight to the sender. */
export function recipients(deps: CaseDeps) {
  const phoneOf = async (staffId: string | undefined) => (staffId ? (await deps.reference.staff(staffId))?.phone : undefined);
  return {
    async gridWorker(gridId: string | undefined) {
      const grid = (await deps.reference.grids()).find((g) => g.gridId === gridId);
      return phoneOf(grid?.workerStaffId);
    },
    async departmentDuty(departmentId: string | undefined) {
      const department = (await deps.reference.departments()).find((d) => d.departmentId === departmentId);
      return phoneOf(department?.dutyStaffId);
    },
    async departmentHead(departmentId: string | undefined) {
      const department = (await deps.reference.departments()).find((d) => d.departmentId === departmentId);
      return phoneOf(department?.headStaffId);
    },
    centre: () => phoneOf(deps.centre.staffId),
    async reporter(caseId: string) {
      return (await deps.cases.contact(caseId))?.phone;
    },
  };
}

export async function labels(deps: CaseDeps, record: Pick<CaseRecord, 'category' | 'gridId' | 'departmentId'>) {
  const [categories, grids, departments] = await Promise.all([deps.reference.categories(), deps.reference.grids(), deps.reference.departments()]);
  return {
    category: categories.find((c) => c.code === record.category)?.name ?? record.category,
    grid: grids.find((g) => g.gridId === record.gridId)?.name ?? '未定位网格',
    department: departments.find((d) => d.departmentId === record.departmentId)?.name ?? '责任部门',
  };
}

export async function loadCase(deps: CaseDeps, caseId: string): Promise<CaseRecord> {
  const record = await deps.cases.get(caseId);
  if (!record) throw new CaseMissingError(caseId);
  return record;
}

/** The dimensions a case counts under in the metrics. */
export function metricDims(record: Pick<CaseRecord, 'gridId' | 'category' | 'departmentId'>, withDepartment = true) {
  return {
    grid: record.gridId ?? 'unrouted',
    category: record.category,
    ...(withDepartment && record.departmentId ? { department: record.departmentId } : {}),
  };
}
