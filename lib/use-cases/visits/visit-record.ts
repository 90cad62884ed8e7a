import type { Visit } from '../../domain/visits/visit';
import { VisitMissingError } from '../../errors';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';

/** A workflow task's visit: it was booked before its workflow started, so a missing one is a fault (not retried). */
export async function loadVisit(deps: Pick<Ports, 'visits'>, visitId: string): Promise<Visit> {
  const visit = await deps.visits.visit(visitId);
  if (!visit) throw new VisitMissingError(visitId);
  return visit;
}

/**
 * Changes a visit on fresh data: `decide` names what to set and remove (or `undefined` when there is
 * nothing left to do), and a write lost to another writer (a bumped version) is tried again.
 */
export function changeVisit(
  deps: Pick<Ports, 'visits'>,
  visitId: string,
  decide: (visit: Visit) => { set: Partial<Visit>; remove?: Array<keyof Visit> } | undefined,
): Promise<Visit> {
  return retryOnLostRace(`visit ${visitId}`, async () => {
    const visit = await loadVisit(deps, visitId);
    const patch = decide(visit);
    if (!patch) return { done: visit };
    const written = await deps.visits.update(visitId, visit.version, patch.set, patch.remove);
    return written ? { done: { ...visit, ...patch.set, version: visit.version + 1 } } : 'lost';
  });
}
