import { z } from 'zod';
import type { Priority } from '../domain/reference';
import { CaseMissingError } from '../errors';
import type { CaseStore } from '../ports/case-store';

export const triageCaseInput = z.object({ caseId: z.string().min(1) });

/** Hours a grid worker has to reach the site, by priority. */
const GRID_CHECK_HOURS: Record<Priority, number> = { emergency: 0.5, utilities: 2, general: 24, complex: 24 };

export interface TriageResult {
  caseId: string;
  routed: boolean;
  priority: Priority;
  gridCheckHours: number;
  /** The same limit in whole seconds, for the workflow's TimeoutSecondsPath. */
  gridCheckSeconds: number;
}

/** First step of every case: returns only what the workflow branches on, ids and numbers, never personal data. */
export async function triageCase(deps: { cases: CaseStore }, input: z.infer<typeof triageCaseInput>): Promise<TriageResult> {
  const record = await deps.cases.get(input.caseId);
  if (!record) throw new CaseMissingError(input.caseId);
  return {
    caseId: record.caseId,
    routed: record.gridId !== undefined,
    priority: record.priority,
    gridCheckHours: GRID_CHECK_HOURS[record.priority],
    gridCheckSeconds: Math.round(GRID_CHECK_HOURS[record.priority] * 3600),
  };
}
