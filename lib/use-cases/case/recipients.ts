import type { CaseRecord } from '../../domain/case';
import { CaseMissingError } from '../../errors';
import type { Ports } from '../ports';
import { centrePhone, gridWorkerPhone, staffPhone } from '../staff-phones';

export type RecipientsDeps = Pick<Ports, 'reference' | 'centre' | 'cases'>;

/** Looks up who to tell about a case; phones are read here and go straight to the sender. */
export function recipients(deps: RecipientsDeps) {
  return {
    gridWorker: (gridId: string | undefined) => gridWorkerPhone(deps, gridId),
    async departmentDuty(departmentId: string | undefined) {
      const department = (await deps.reference.departments()).find((d) => d.departmentId === departmentId);
      return staffPhone(deps, department?.dutyStaffId);
    },
    async departmentHead(departmentId: string | undefined) {
      const department = (await deps.reference.departments()).find((d) => d.departmentId === departmentId);
      return staffPhone(deps, department?.headStaffId);
    },
    centre: () => centrePhone(deps),
    async reporter(caseId: string) {
      return (await deps.cases.contact(caseId))?.phone;
    },
  };
}

export async function labels(deps: Pick<Ports, 'reference'>, record: Pick<CaseRecord, 'category' | 'gridId' | 'departmentId'>) {
  const [categories, grids, departments] = await Promise.all([deps.reference.categories(), deps.reference.grids(), deps.reference.departments()]);
  return {
    category: categories.find((c) => c.code === record.category)?.name ?? record.category,
    grid: grids.find((g) => g.gridId === record.gridId)?.name ?? '未定位网格',
    department: departments.find((d) => d.departmentId === record.departmentId)?.name ?? '责任部门',
  };
}

export async function loadCase(deps: Pick<Ports, 'cases'>, caseId: string): Promise<CaseRecord> {
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
