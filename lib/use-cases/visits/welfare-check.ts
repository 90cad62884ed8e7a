import { visitSms } from '../../domain/visits/visit-sms';
import type { VisitIdInput } from '../../contracts/tasks/visit';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { openVisitCase, type OpenVisitCaseDeps } from './open-visit-case';
import { changeVisit } from './visit-record';

export type WelfareCheckDeps = OpenVisitCaseDeps & Pick<Ports, 'visits' | 'outbox'>;

/**
 * Nobody reached the elder: the visit is escalated, the family alarmed whatever the hour, and a
 * welfare-check case (an emergency) opened in the family's name, or the grid worker's.
 */
export async function welfareCheck(deps: WelfareCheckDeps, input: VisitIdInput): Promise<{ caseId: string }> {
  const visit = await changeVisit(deps, input.visitId, (v) => (v.checkedInAt || v.status === 'escalated' ? undefined : { set: { status: 'escalated' } }));
  const contact = await deps.visits.elderContact(visit.elderId);
  if (contact?.emergencyContact) {
    await notifyOnce(deps, { key: `${visit.visitId}#emergency-contact`, to: contact.emergencyContact.phone, text: visitSms.emergencyContact(visit.visitId), urgent: true });
  }
  return openVisitCase(deps, visit, {
    category: 'welfare-check',
    description: `临时儿女探访${visit.visitId}：志愿者与备岗均未能联系上独居老人，请立即上门查看。`,
    reporterPhone: contact?.emergencyContact?.phone ?? (await gridWorkerPhone(deps, visit.gridId)),
    address: contact?.address,
  });
}
