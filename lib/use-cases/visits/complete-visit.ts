import { toShanghaiIso } from '../../domain/case';
import { POINTS_PER_VISIT } from '../../domain/visits/visit';
import type { VisitIdInput } from '../../contracts/tasks/visit';
import type { Ports } from '../ports';
import { changeVisit } from './visit-record';

export type CompleteVisitDeps = Pick<Ports, 'visits' | 'ledger' | 'clock'>;

/** The visit is done: it completes, the SMS check-in pointer is cleared, and the volunteer is credited once. */
export async function completeVisit(deps: CompleteVisitDeps, input: VisitIdInput): Promise<{ credited: boolean }> {
  const visit = await changeVisit(deps, input.visitId, (v) => (v.status === 'completed' ? undefined : { set: { status: 'completed' }, remove: ['taskToken', 'waitingFor'] }));
  if (visit.checkedInBy) await deps.visits.pointCheckIn(visit.checkedInBy, null);
  const credited = await deps.ledger.creditVisit({ visit, points: POINTS_PER_VISIT, at: toShanghaiIso(deps.clock.now()) });
  return { credited };
}
