import { visitSms } from '../../domain/visits/visit-sms';
import type { VisitIdInput } from '../../contracts/tasks/visit';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { changeVisit } from './visit-record';

export type VisitMissedDeps = Pick<Ports, 'visits' | 'reference' | 'outbox' | 'clock'>;

/** Nobody checked in: the visit is missed, the backup may check in instead, and backup and grid worker are alarmed. */
export async function visitMissed(deps: VisitMissedDeps, input: VisitIdInput): Promise<Record<string, never>> {
  const visit = await changeVisit(deps, input.visitId, (v) => (v.checkedInAt || v.status === 'missed' ? undefined : { set: { status: 'missed' } }));
  if (visit.backupVolunteerId) await deps.visits.pointCheckIn(visit.backupVolunteerId, visit.visitId);
  // Welfare alarms: an elder living alone has not been reached, so they go out whatever the hour.
  const backup = visit.backupVolunteerId ? (await deps.visits.volunteerContact(visit.backupVolunteerId))?.phone : undefined;
  if (backup) await notifyOnce(deps, { key: `${visit.visitId}#missed#backup`, to: backup, text: visitSms.missedToBackup(visit.visitId), urgent: true });
  const gridWorker = await gridWorkerPhone(deps, visit.gridId);
  if (gridWorker) await notifyOnce(deps, { key: `${visit.visitId}#missed#grid`, to: gridWorker, text: visitSms.missedToGridWorker(visit.visitId), urgent: true });
  return {};
}
