import { shanghaiDay, startOfShanghaiDay } from '../../domain/calendar';
import { visitSms } from '../../domain/visits/visit-sms';
import type { RemindVisitInput } from '../../contracts/tasks/visit';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { changeVisit, loadVisit } from './visit-record';

export type RemindVisitDeps = Pick<Ports, 'visits' | 'outbox' | 'clock'>;

/** Reminds the volunteer of a visit still to come, once per kind, and marks the visit reminded. */
export async function remindVisit(deps: RemindVisitDeps, input: RemindVisitInput): Promise<{ reminded: boolean }> {
  const visit = await loadVisit(deps, input.visitId);
  if (visit.status !== 'scheduled' && visit.status !== 'reminded') return { reminded: false };
  const start = new Date(visit.windowStart);
  const text = input.kind === 'day-before' ? visitSms.dayBefore(visit.visitId, start) : visitSms.shortlyBefore(visit.visitId, start);
  const phone = (await deps.visits.volunteerContact(visit.volunteerId))?.phone;
  // "明天09:00" stops being true at midnight, "将于09:00开始" at 09:00: held past that, it is dropped.
  const staleAt = input.kind === 'day-before' ? startOfShanghaiDay(shanghaiDay(visit.windowStart)) : visit.windowStart;
  if (phone) await notifyOnce(deps, { key: `${visit.visitId}#${input.kind}`, to: phone, text, urgent: false, staleAt });
  await changeVisit(deps, visit.visitId, (v) => (v.status === 'scheduled' ? { set: { status: 'reminded' } } : undefined));
  return { reminded: true };
}
