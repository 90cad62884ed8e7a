export const VISIT_STATUSES = ['scheduled', 'reminded', 'checked-in', 'completed', 'missed', 'escalated', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface Visit {
  visitId: string;
  weekId: string;
  elderId: string;
  gridId: string;
  volunteerId: string;
  backupVolunteerId?: string;
  windowStart: string;
  windowEnd: string;
  status: VisitStatus;
  /** The token the workflow waits on for check-in or check-out; never leaves the store. */
  waitingFor?: 'check-in' | 'check-out';
  taskToken?: string;
  checkedInAt?: string;
  checkedInBy?: string;
  checkedOutAt?: string;
  wellbeing?: 'ok' | 'concern';
  note?: string;
  version: number;
}

/**
 * What the visit as recorded says to the workflow waiting at `step` (its check-in or check-out), or
 * `undefined` while that wait must go on. The answer is recorded first and passed on after; the wait
 * (when it opens again) and a repeat of the action pass it on again if that was lost.
 */
export function visitWaitAnswer(visit: Visit, step: Visit['waitingFor']): Record<string, unknown> | undefined {
  if (step === 'check-in') return visit.checkedInAt ? { checkedIn: true } : undefined;
  if (step === 'check-out') return visit.checkedOutAt ? { wellbeing: visit.wellbeing ?? 'ok' } : undefined;
  return undefined;
}

/**
 * Once the welfare alarm has gone out (`escalated`: family told, a welfare-check case opened) the
 * workflow no longer waits for anyone: a late check-in would strand the visit, never to be checked
 * out or credited. The welfare case carries on from there.
 */
export const isPastEscalation = (visit: Pick<Visit, 'status'>) => visit.status === 'escalated';

/** Points a completed visit earns: recorded once, from the event itself, never typed in. */
export const POINTS_PER_VISIT = 10;
/** How long after the window a check-in still counts. (The welfare-check and check-out waits are in lib/domain/deadlines.ts.) */
export const CHECK_IN_GRACE_MINUTES = 30;
