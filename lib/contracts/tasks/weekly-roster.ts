import * as z from 'zod';

/** The weekly-roster workflow's input: from its schedule, or from the centre (POST /v1/admin/workflows/weekly-roster/executions). */
export const rosterInput = z.object({
  /** A day (`YYYY-MM-DD`, Asia/Shanghai) or instant in the week to plan: this week or next; by default next week. */
  weekOf: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
});
export type RosterInput = z.infer<typeof rosterInput>;
