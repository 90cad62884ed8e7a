import type { VisitIdInput } from '../../contracts/tasks/visit';
import type { Ports } from '../ports';
import { openVisitCase, type OpenVisitCaseDeps } from './open-visit-case';
import { loadVisit } from './visit-record';

export type VisitConcernDeps = OpenVisitCaseDeps & Pick<Ports, 'visits'>;

/** A concern noted at check-out: an elder-care case for the grid, in the name of the volunteer who was there. */
export async function visitConcern(deps: VisitConcernDeps, input: VisitIdInput): Promise<{ caseId: string }> {
  const visit = await loadVisit(deps, input.visitId);
  const reporterPhone = (await deps.visits.volunteerContact(visit.checkedInBy ?? visit.volunteerId))?.phone;
  const contact = await deps.visits.elderContact(visit.elderId);
  return openVisitCase(deps, visit, {
    category: 'elder-care',
    description: `临时儿女探访${visit.visitId}发现情况：${visit.note ?? '见探访记录'}`,
    reporterPhone,
    address: contact?.address,
  });
}
