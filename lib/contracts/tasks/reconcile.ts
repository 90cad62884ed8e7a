import * as z from 'zod';

/**
 * The admin workflow `reconcile` (and its schedule, every 6 hours: a full pass calls DescribeExecution
 * once per open item, which Step Functions throttles, and failures already alarm at once): how much
 * one run may do.
 */
export const reconcileInput = z
  .object({
    maxPages: z.number().int().min(1).max(50).default(20),
    maxRestarts: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReconcileInput = z.infer<typeof reconcileInput>;
