import type { CaseStep } from '../../../domain/case';
import { caseKeys } from './case';
import type { Gsi1Key, TableKey } from './table';

/** A human step of a case, in the case's partition; an open one also sits in its work queue on GSI1. */
export const stepKeys = {
  step: (caseId: string, step: CaseStep | string): TableKey => ({ pk: caseKeys.partition(caseId), sk: `STEP#${step}` }),
  prefix: 'STEP#',
  /** Not under `STEP#`: a pending decision is no step, and closing a case leaves it alone. */
  pending: (caseId: string, step: CaseStep, forSeq: number): TableKey => ({ pk: caseKeys.partition(caseId), sk: `PENDING#${step}#${String(forSeq).padStart(4, '0')}` }),
  pendingPrefix: (step: CaseStep) => `PENDING#${step}#`,
  /** A work queue (lib/domain/work-queues.ts names them) on GSI1, soonest due first. */
  workQueue: (queue: string) => `WORK#${queue}`,
  inWorkQueue: (queue: string, dueAt: string, caseId: string): Gsi1Key => ({ gsi1pk: `WORK#${queue}`, gsi1sk: `${dueAt}#${caseId}` }),
};
