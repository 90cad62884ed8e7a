import * as z from 'zod';

/**
 * What the companion-visit workflow passes its tasks, one schema per task (each task is its own
 * function). The workflow passes the visit id only: the elder's address and phones stay in the table.
 */

/** A task that needs only the visit: planning, the missed-visit chain, a welfare check, a concern, the credit. */
export const visitIdInput = z.object({ visitId: z.string().min(1) });
export type VisitIdInput = z.infer<typeof visitIdInput>;

export const remindVisitInput = visitIdInput.extend({ kind: z.enum(['day-before', 'shortly-before']) });
export type RemindVisitInput = z.infer<typeof remindVisitInput>;

/** A `.waitForTaskToken` step; `continues` marks the wait after the missed-visit chain (same check-in). */
export const awaitVisitInput = visitIdInput.extend({
  step: z.enum(['check-in', 'check-out']),
  taskToken: z.string().min(1),
  continues: z.boolean().default(false),
});
export type AwaitVisitInput = z.infer<typeof awaitVisitInput>;
