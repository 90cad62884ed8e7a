import type { CaseAction, CaseActionType } from '../contracts/http/cases';
import type { CaseAwaiting, CaseRecord, CaseStatus, CaseStep } from './case';
import type { Category, Department } from './reference';

export const STEP_OF_ACTION: Record<CaseActionType, CaseStep> = {
  'grid-check': 'grid-check',
  accept: 'accept',
  refuse: 'accept',
  resolve: 'resolve',
  verify: 'verify',
  feedback: 'feedback',
  'centre-review': 'centre-review',
};

/**
 * 派单 routing: the district (兜底) when nobody took the case, else the department a refusal or the
 * centre suggested, else (on a reopened case) the same one again, else the category's.
 */
export function dispatchTarget(
  record: Pick<CaseRecord, 'category' | 'departmentId' | 'reopenCount'>,
  refs: { categories: Category[]; departments: Department[]; districtDepartmentId: string },
  input: { suggestedDepartmentId?: string | null; toDistrict?: boolean },
): string {
  if (input.toDistrict) return refs.districtDepartmentId;
  const known = (id: string | null | undefined) => (id && refs.departments.some((d) => d.departmentId === id) ? id : undefined);
  return (
    known(input.suggestedDepartmentId) ??
    (record.reopenCount > 0 ? known(record.departmentId) : undefined) ??
    known(refs.categories.find((c) => c.code === record.category)?.departmentId) ??
    refs.districtDepartmentId
  );
}

/**
 * The human step the workflow opens next once it has taken `action` (and who it will be assigned to),
 * or `undefined` when the action leads to closure. A second action may be recorded for that step
 * before it opens: this is what makes "valid for the status the caller can see" checkable.
 */
export function nextStepAfter(
  action: CaseAction,
  record: Pick<CaseRecord, 'category' | 'departmentId' | 'reopenCount'>,
  refs: { categories: Category[]; departments: Department[]; districtDepartmentId: string },
): CaseAwaiting | undefined {
  const dispatchTo = (suggestedDepartmentId: string | null | undefined, reopened = record) =>
    ({ step: 'accept', departmentId: dispatchTarget(reopened, refs, { suggestedDepartmentId }) }) as const;
  // The department travels along, so a step several decisions ahead still knows whose it is.
  const same = (step: CaseStep): CaseAwaiting => ({ step, ...(record.departmentId ? { departmentId: record.departmentId } : {}) });
  switch (action.type) {
    case 'grid-check':
      return action.outcome === 'needs-dispatch' ? dispatchTo(null) : action.outcome === 'resolved-on-site' ? same('feedback') : undefined;
    case 'accept':
      return same('resolve');
    case 'refuse':
      return dispatchTo(action.suggestedDepartmentId);
    case 'resolve':
      return same('verify');
    case 'verify':
      return same(action.passed ? 'feedback' : 'resolve');
    case 'feedback':
      if (action.rating !== 'dissatisfied') return undefined;
      return record.reopenCount + 1 >= 2 ? same('centre-review') : dispatchTo(null, { ...record, reopenCount: record.reopenCount + 1 });
    case 'centre-review':
      return action.decision === 'dispatch' ? dispatchTo(action.departmentId) : undefined;
  }
}

/** The status a case moves to once the workflow has acted on a decision: what the 202 reports. */
export function statusAfter(action: CaseAction): CaseStatus {
  switch (action.type) {
    case 'grid-check':
      return action.outcome === 'needs-dispatch' ? 'dispatched' : action.outcome === 'resolved-on-site' ? 'feedback' : 'closed';
    case 'accept':
      return 'in-progress';
    case 'refuse':
      return 'dispatched';
    case 'resolve':
      return 'verifying';
    case 'verify':
      return action.passed ? 'feedback' : 'in-progress';
    case 'feedback':
      return action.rating === 'dissatisfied' ? 'reopened' : 'closed';
    case 'centre-review':
      return action.decision === 'dispatch' ? 'dispatched' : 'closed';
  }
}
