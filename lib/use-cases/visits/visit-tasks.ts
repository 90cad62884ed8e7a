import { z } from 'zod';
import { shanghaiDay, toShanghaiIso } from '../../domain/case';
import { visitSms } from '../../domain/visits/visit-sms';
import { CHECK_IN_GRACE_MINUTES, POINTS_PER_VISIT, type Visit } from '../../domain/visits/visit';
import { AppError } from '../../errors';
import { notifyOnce } from '../notify';
import { submitCase } from '../submit-case';
import { recipients } from '../case/recipients';
import type { VisitDeps } from './deps';

/** Every task of the companion-visit workflow, one schema: the workflow passes the visit id only. */
export const visitTaskInput = z.discriminatedUnion('task', [
  z.object({ task: z.literal('plan'), visitId: z.string() }),
  z.object({ task: z.literal('remind'), visitId: z.string(), kind: z.enum(['day-before', 'shortly-before']) }),
  z.object({ task: z.literal('await'), visitId: z.string(), step: z.enum(['check-in', 'check-out']), taskToken: z.string(), continues: z.boolean().default(false) }),
  z.object({ task: z.literal('missed'), visitId: z.string() }),
  z.object({ task: z.literal('welfare-check'), visitId: z.string() }),
  z.object({ task: z.literal('concern'), visitId: z.string() }),
  z.object({ task: z.literal('complete'), visitId: z.string() }),
]);
export type VisitTask = z.infer<typeof visitTaskInput>;

class VisitMissingError extends AppError {
  constructor(visitId: string) {
    super(`visit ${visitId} not found`, { statusCode: 500, code: 'VISIT_MISSING' });
  }
}

async function load(deps: VisitDeps, visitId: string): Promise<Visit> {
  const visit = await deps.visits.visit(visitId);
  if (!visit) throw new VisitMissingError(visitId);
  return visit;
}

/** Retries a read-modify-write until it lands (another writer bumped the version) or is not needed. */
async function change(deps: VisitDeps, visitId: string, fn: (v: Visit) => { set: Partial<Visit>; remove?: Array<keyof Visit> } | undefined): Promise<Visit> {
  for (let race = 0; race < 5; race += 1) {
    const visit = await load(deps, visitId);
    const patch = fn(visit);
    if (!patch) return visit;
    if (await deps.visits.update(visitId, visit.version, patch.set, patch.remove)) return { ...visit, ...patch.set, version: visit.version + 1 };
  }
  throw new AppError(`visit ${visitId} kept changing`, { statusCode: 500, code: 'VISIT_CONTENDED' });
}

/**
 * A visit hands a problem to the case lifecycle: one case per visit and kind, however often this runs
 * (the idempotency key), reported in the name of whoever can be reached about it.
 */
async function openCase(deps: VisitDeps, visit: Visit, category: 'welfare-check' | 'elder-care', description: string, reporterPhone: string | undefined, address: string | undefined) {
  const phone = reporterPhone ?? (await recipients(deps).centre());
  if (!phone) throw new AppError(`nobody to report visit ${visit.visitId} in the name of`, { statusCode: 500, code: 'NO_REPORTER' });
  const opened = await submitCase(
    deps,
    {
      category,
      description,
      location: { gridId: visit.gridId, ...(address ? { address } : {}) },
      reporter: { phone },
      channel: 'visit',
      anonymous: false,
    },
    `visit-${category}-${visit.visitId}`,
    'system',
  );
  return { caseId: opened.caseId };
}

export async function runVisitTask(deps: VisitDeps, input: VisitTask): Promise<Record<string, unknown>> {
  const who = recipients(deps);
  const phoneOfVolunteer = async (id: string | undefined) => (id ? (await deps.visits.volunteerContact(id))?.phone : undefined);
  switch (input.task) {
    case 'plan': {
      const visit = await load(deps, input.visitId);
      const start = Date.parse(visit.windowStart);
      const deadline = Date.parse(visit.windowEnd) + CHECK_IN_GRACE_MINUTES * 60_000;
      return {
        dayBeforeAt: new Date(start - 24 * 3600_000).toISOString(),
        shortlyBeforeAt: new Date(start - 2 * 3600_000).toISOString(),
        // The wait for check-in starts two hours before (or now, if that has passed).
        checkInSeconds: Math.max(60, Math.round((deadline - Math.max(deps.clock.now().getTime(), start - 2 * 3600_000)) / 1000)),
      };
    }
    case 'remind': {
      const visit = await load(deps, input.visitId);
      if (visit.status !== 'scheduled' && visit.status !== 'reminded') return { reminded: false };
      const start = new Date(visit.windowStart);
      const text = input.kind === 'day-before' ? visitSms.dayBefore(visit.visitId, start) : visitSms.shortlyBefore(visit.visitId, start);
      const phone = await phoneOfVolunteer(visit.volunteerId);
      // "明天09:00" stops being true at midnight, "将于09:00开始" at 09:00: held past that, it is dropped.
      const staleAt = input.kind === 'day-before' ? `${shanghaiDay(visit.windowStart)}T00:00:00+08:00` : visit.windowStart;
      if (phone) await notifyOnce(deps, { key: `${visit.visitId}#${input.kind}`, to: phone, text, urgent: false, staleAt });
      await change(deps, visit.visitId, (v) => (v.status === 'scheduled' ? { set: { status: 'reminded' } } : undefined));
      return { reminded: true };
    }
    case 'await': {
      const visit = await change(deps, input.visitId, (v) => {
        const done = input.step === 'check-in' ? v.checkedInAt : v.checkedOutAt;
        if (done || v.taskToken === input.taskToken) return undefined;
        return { set: { waitingFor: input.step, taskToken: input.taskToken } };
      });
      const answered = input.step === 'check-in' ? visit.checkedInAt : visit.checkedOutAt;
      // Answered while a reminder swapped the token: resume at once with what was recorded.
      if (answered) await deps.workflows.completeTask(input.taskToken, input.step === 'check-in' ? { checkedIn: true } : { wellbeing: visit.wellbeing ?? 'ok' });
      else if (input.step === 'check-in') await deps.visits.pointCheckIn(visit.volunteerId, visit.visitId);
      return {};
    }
    case 'missed': {
      const visit = await change(deps, input.visitId, (v) => (v.checkedInAt || v.status === 'missed' ? undefined : { set: { status: 'missed' } }));
      if (visit.backupVolunteerId) await deps.visits.pointCheckIn(visit.backupVolunteerId, visit.visitId);
      // Welfare alarms: an elder living alone has not been reached, so they go out whatever the hour.
      const backup = await phoneOfVolunteer(visit.backupVolunteerId);
      if (backup) await notifyOnce(deps, { key: `${visit.visitId}#missed#backup`, to: backup, text: visitSms.missedToBackup(visit.visitId), urgent: true });
      const gridWorker = await who.gridWorker(visit.gridId);
      if (gridWorker) await notifyOnce(deps, { key: `${visit.visitId}#missed#grid`, to: gridWorker, text: visitSms.missedToGridWorker(visit.visitId), urgent: true });
      return {};
    }
    case 'welfare-check': {
      const visit = await change(deps, input.visitId, (v) => (v.checkedInAt || v.status === 'escalated' ? undefined : { set: { status: 'escalated' } }));
      const contact = await deps.visits.elderContact(visit.elderId);
      // The family of an elder nobody could reach: a welfare alarm, whatever the hour.
      if (contact?.emergencyContact) {
        await notifyOnce(deps, { key: `${visit.visitId}#emergency-contact`, to: contact.emergencyContact.phone, text: visitSms.emergencyContact(visit.visitId), urgent: true });
      }
      const reporter = contact?.emergencyContact?.phone ?? (await who.gridWorker(visit.gridId));
      return openCase(deps, visit, 'welfare-check', `临时儿女探访${visit.visitId}：志愿者与备岗均未能联系上独居老人，请立即上门查看。`, reporter, contact?.address);
    }
    case 'concern': {
      const visit = await load(deps, input.visitId);
      const reporter = await phoneOfVolunteer(visit.checkedInBy ?? visit.volunteerId);
      const contact = await deps.visits.elderContact(visit.elderId);
      return openCase(deps, visit, 'elder-care', `临时儿女探访${visit.visitId}发现情况：${visit.note ?? '见探访记录'}`, reporter, contact?.address);
    }
    case 'complete': {
      const visit = await change(deps, input.visitId, (v) => (v.status === 'completed' ? undefined : { set: { status: 'completed' }, remove: ['taskToken', 'waitingFor'] }));
      if (visit.checkedInBy) await deps.visits.pointCheckIn(visit.checkedInBy, null);
      const credited = await deps.visits.creditVisit({ visit, points: POINTS_PER_VISIT, at: toShanghaiIso(deps.clock.now()) });
      return { credited };
    }
  }
}
