import * as z from 'zod';
import { CASE_STEPS, CLOSURE_CODES } from '../../domain/case';

/**
 * What the case-lifecycle workflow passes its tasks, one schema per task (each task is its own
 * function). Ids and codes only: the report's text and its people stay in the table.
 */

export const triageInput = z.object({ caseId: z.string().min(1) });
export type TriageInput = z.infer<typeof triageInput>;

/** What the workflow passes when it starts (or keeps) waiting on a person. */
export const openStepInput = z.object({
  caseId: z.string().min(1),
  step: z.enum(CASE_STEPS),
  taskToken: z.string().min(1),
  /** The time the person has, matching the task's timeout in the workflow. */
  seconds: z.number().int().positive(),
  /** After a reminder the workflow waits again on the same step: keep its decision, tell no one anew. */
  continues: z.boolean().default(false),
});
export type OpenStepInput = z.infer<typeof openStepInput>;

export const dispatchInput = z.object({
  caseId: z.string().min(1),
  /** The dispatches counted so far, as the workflow knows it: a retried dispatch finds it done. */
  dispatchCount: z.number().int().nonnegative(),
  suggestedDepartmentId: z.string().min(1).nullable().default(null),
  toDistrict: z.boolean().default(false),
});
export type DispatchInput = z.infer<typeof dispatchInput>;

export const remindInput = z.object({
  caseId: z.string().min(1),
  step: z.enum(CASE_STEPS),
  /** `half` and `near-due` nudge the assignee; `overdue` escalates to the centre (and department head). */
  kind: z.enum(['half', 'near-due', 'overdue']),
});
export type RemindInput = z.infer<typeof remindInput>;

export const reopenInput = z.object({ caseId: z.string().min(1) });
export type ReopenInput = z.infer<typeof reopenInput>;

export const closeInput = z.object({
  caseId: z.string().min(1),
  code: z.enum(CLOSURE_CODES),
  /** The step whose decision note explains the closure. */
  noteFrom: z.enum(CASE_STEPS).nullable().default(null),
  /** A duplicate's original: the reporter follows it and hears when it closes. */
  mergeInto: z.string().nullable().default(null),
  unrated: z.boolean().default(false),
});
export type CloseInput = z.infer<typeof closeInput>;
