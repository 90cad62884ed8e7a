import { z } from 'zod';
import type { StaffActor } from './actor';
import { CLOSURE_CODES, RATINGS, type CaseAwaiting, type CaseRecord, type CaseStatus, type CaseStep } from './case';
import type { Category, Department } from './reference';

const note = z.string().trim().min(1).max(500);

/** The actions of `POST /v1/cases/{caseId}/actions`, one schema each. */
export const caseActionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('grid-check'),
      outcome: z.enum(['resolved-on-site', 'needs-dispatch', 'invalid', 'duplicate']),
      note,
      duplicateOf: z.string().regex(/^\d{6}-[0-9A-Z]{5}$/).optional(),
    })
    .strict()
    .refine((a) => a.outcome !== 'duplicate' || a.duplicateOf, { message: '重复诉求须注明原编号', path: ['duplicateOf'] }),
  z.object({ type: z.literal('accept') }).strict(),
  z.object({ type: z.literal('refuse'), reason: note, suggestedDepartmentId: z.string().min(1).max(64).optional() }).strict(),
  z.object({ type: z.literal('resolve'), note }).strict(),
  z.object({ type: z.literal('verify'), passed: z.boolean(), note }).strict(),
  z.object({ type: z.literal('feedback'), rating: z.enum(RATINGS), comment: z.string().trim().max(500).optional() }).strict(),
  z
    .object({
      type: z.literal('centre-review'),
      decision: z.enum(['dispatch', 'close']),
      departmentId: z.string().min(1).max(64).optional(),
      code: z.enum(CLOSURE_CODES).optional(),
      note,
    })
    .strict()
    .refine((a) => a.decision !== 'close' || a.code, { message: '结案须给出结案类型', path: ['code'] }),
]);
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseActionType = CaseAction['type'];

export const STEP_OF_ACTION: Record<CaseActionType, CaseStep> = {
  'grid-check': 'grid-check',
  accept: 'accept',
  refuse: 'accept',
  resolve: 'resolve',
  verify: 'verify',
  feedback: 'feedback',
  'centre-review': 'centre-review',
};

export type CaseActor = StaffActor | { kind: 'resident' };

/**
 * Who may take an action on a case, before asking whether the case waits for it: a grid worker in the
 * case's grid (or the centre) checks and verifies; only the department the case is dispatched to
 * accepts, refuses and resolves; only the reporter rates; only the centre reviews.
 */
export function mayAct(actor: CaseActor, action: CaseActionType, record: Pick<CaseRecord, 'gridId' | 'departmentId'>): boolean {
  if (action === 'feedback') return actor.kind === 'resident';
  if (actor.kind !== 'staff') return false;
  switch (action) {
    case 'grid-check':
    case 'verify':
      return actor.role === 'admin' || (actor.role === 'grid-worker' && record.gridId !== undefined && actor.grids.includes(record.gridId));
    case 'accept':
    case 'refuse':
    case 'resolve':
      return actor.role === 'department' && record.departmentId !== undefined && actor.departmentId === record.departmentId;
    case 'centre-review':
      return actor.role === 'admin';
  }
}

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
