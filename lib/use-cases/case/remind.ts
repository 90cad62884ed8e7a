import type { RemindInput } from '../../contracts/tasks/case';
import { shanghaiDay, toShanghaiIso, type CaseRecord } from '../../domain/case';
import { STEP_LABEL } from '../../domain/case-labels';
import { DISTRICT_WHISTLE_SECONDS } from '../../domain/deadlines';
import { shortLocalTime, smsText } from '../../domain/sms-text';
import { ContendedError } from '../../errors';
import { log } from '../../log';
import { retryOnLostRace } from '../lost-race';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { labels, loadCase, recipients } from './recipients';

export interface RemindResult {
  reminded: boolean;
  /**
   * The district (兜底) holds the case: the workflow does not hand it over again but whistles once more
   * after `whistleAgainSeconds`, keeping it on the worklists meanwhile instead of texting every few hours.
   */
  withDistrict: boolean;
  whistleAgainSeconds: number;
}

export type RemindCaseDeps = Pick<Ports, 'cases' | 'reference' | 'centre' | 'once' | 'outbox' | 'clock'>;

/**
 * Reminders before a deadline and escalation after it (督办 / 吹哨). Each is recorded in the timeline
 * and sent once per step opening; an overdue step is escalated again at most once each Shanghai day.
 * Only an emergency's reminders ignore quiet hours: an escalation of anything else at 03:50 wakes
 * the centre for what it can act on at 07:00, and its text ("已超期") is still true then.
 */
export async function remindCase(deps: RemindCaseDeps, input: RemindInput): Promise<RemindResult> {
  const record = await loadCase(deps, input.caseId);
  const result = { withDistrict: record.departmentId === deps.centre.districtDepartmentId, whistleAgainSeconds: DISTRICT_WHISTLE_SECONDS };
  const step = await deps.cases.step(input.caseId, input.step);
  if (!step || step.decision || step.closedAt || record.status === 'closed') return { reminded: false, ...result };
  const now = deps.clock.now();
  const key = `${record.caseId}#${input.step}#${step.openedSeq}#${input.kind}${input.kind === 'overdue' ? `#${shanghaiDay(now.toISOString())}` : ''}`;
  const names = await labels(deps, record);
  const who = recipients(deps);
  const urgent = record.priority === 'emergency';
  // A reminder names the due time: held past it by quiet hours it is dropped (the escalation follows).
  const staleAt = input.kind === 'overdue' ? undefined : record.dueAt;
  const messages = await messagesFor(input, record, names, who);
  for (const [i, m] of messages.entries()) {
    if (m.to) await notifyOnce(deps, { key: `${key}#${i}`, to: m.to, text: m.text, urgent, ...(staleAt ? { staleAt } : {}) });
  }
  const note = input.kind === 'overdue' ? `督办：${STEP_LABEL[input.step]}超时，已通知指挥中心` : `提醒：${STEP_LABEL[input.step]}${input.kind === 'half' ? '时限过半' : '即将到期'}`;
  // The timeline records each reminder once, however often the task is retried.
  if (await deps.once.claim(`timeline#${key}`, 60)) {
    // The entry is a record of what was sent: a case that keeps changing goes without it rather than
    // failing (and so repeating) a reminder that is already out.
    await retryOnLostRace(`case ${input.caseId}`, async () => {
      const latest = await loadCase(deps, input.caseId);
      const event = { at: toShanghaiIso(now), status: latest.status, actor: 'system' as const, note };
      return (await deps.cases.transition({ caseId: latest.caseId, expectedVersion: latest.version, set: {}, event })) ? { done: true } : 'lost';
    }).catch((err: unknown) => {
      if (!(err instanceof ContendedError)) throw err;
      log.warn('reminder left out of a case timeline that kept changing', { caseId: input.caseId });
    });
    await deps.once.complete(`timeline#${key}`, {});
  }
  return { reminded: true, ...result };
}

async function messagesFor(
  input: RemindInput,
  record: CaseRecord,
  names: { department: string },
  who: ReturnType<typeof recipients>,
): Promise<Array<{ to: string | undefined; text: string }>> {
  const ref = record.caseId;
  if (input.kind !== 'overdue') {
    return [{ to: await who.departmentDuty(record.departmentId), text: smsText.resolveReminder(ref, shortLocalTime(new Date(record.dueAt)), input.kind === 'near-due') }];
  }
  switch (input.step) {
    case 'accept':
      return [
        { to: await who.centre(), text: smsText.acceptOverdue(ref, names.department) },
        { to: await who.departmentHead(record.departmentId), text: smsText.acceptOverdue(ref, names.department) },
      ];
    case 'resolve':
      return [
        { to: await who.centre(), text: smsText.resolveOverdue(ref, names.department) },
        { to: await who.departmentHead(record.departmentId), text: smsText.resolveOverdue(ref, names.department) },
      ];
    default:
      return [{ to: await who.centre(), text: smsText.stepOverdue(ref, STEP_LABEL[input.step]) }];
  }
}
