import type { CloseInput } from '../../contracts/tasks/case';
import { shanghaiDay, toShanghaiIso, type ClosureCode } from '../../domain/case';
import { smsText } from '../../domain/sms-text';
import { retryOnLostRace } from '../lost-race';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { loadCase, metricDims, recipients } from './recipients';

const RESOLVED: ClosureCode[] = ['fixed', 'resolved-on-site'];

export type CloseCaseDeps = Pick<Ports, 'cases' | 'reference' | 'centre' | 'outbox' | 'clock'>;

/**
 * Closes a case with an honest code ("closed" never pretends to mean "fixed"), takes its steps off
 * every worklist, and tells the reporter and everyone who reported the same problem. Idempotent.
 */
export async function closeCase(deps: CloseCaseDeps, input: CloseInput): Promise<{ code: ClosureCode; closed: boolean }> {
  const now = toShanghaiIso(deps.clock.now());
  const outcome = await retryOnLostRace<'closed' | 'declined'>(`case ${input.caseId}`, async () => {
    const record = await loadCase(deps, input.caseId);
    if (record.status === 'closed') return { done: 'closed' };
    // Triage's automatic merge yields to a grid worker who has already answered (a decision recorded
    // ahead of the grid check sets `awaiting`): their 202 stands, and the grid check takes it.
    if (input.mergeInto && !input.noteFrom && record.awaiting) return { done: 'declined' };
    const decided = input.noteFrom ? (await deps.cases.step(input.caseId, input.noteFrom))?.decision?.note : undefined;
    const note = [input.mergeInto ? `并入诉求${input.mergeInto}` : undefined, decided, input.unrated ? '72小时内未评价，按未评价办结' : undefined]
      .filter(Boolean)
      .join('；');
    const done = await deps.cases.transition({
      caseId: record.caseId,
      expectedVersion: record.version,
      set: { status: 'closed', closure: { code: input.code, note } },
      event: { at: now, status: 'closed', actor: 'system', note: `办结：${input.code}${note ? `（${note}）` : ''}` },
      metrics: RESOLVED.includes(input.code) ? [{ day: shanghaiDay(record.createdAt), dims: metricDims(record), counters: { resolved: 1 } }] : [],
      leaveOpenIndex: true,
    });
    return done ? { done: 'closed' } : 'lost';
  });
  if (outcome === 'declined') return { code: input.code, closed: false };
  await deps.cases.closeSteps(input.caseId, now);
  await tellEveryone(deps, input);
  return { code: input.code, closed: true };
}

async function tellEveryone(deps: CloseCaseDeps, input: CloseInput): Promise<void> {
  const reporter = await recipients(deps).reporter(input.caseId);
  if (input.mergeInto) {
    if (reporter) {
      await deps.cases.addFollower(input.mergeInto, { caseId: input.caseId, phone: reporter });
      await notifyOnce(deps, { key: `${input.caseId}#closed`, to: reporter, text: smsText.merged(input.caseId, input.mergeInto), urgent: false, audience: 'resident' });
    }
    return;
  }
  if (reporter) await notifyOnce(deps, { key: `${input.caseId}#closed`, to: reporter, text: smsText.closed(input.caseId, input.code), urgent: false, audience: 'resident' });
  for (const follower of await deps.cases.followers(input.caseId)) {
    await notifyOnce(deps, { key: `${follower.caseId}#original-closed`, to: follower.phone, text: smsText.closed(follower.caseId, input.code), urgent: false, audience: 'resident' });
  }
}
