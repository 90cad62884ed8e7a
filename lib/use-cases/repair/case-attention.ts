import { toShanghaiIso, type CaseStatus } from '../../domain/case';
import { ConflictError } from '../../errors';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';

export type CaseAttentionDeps = Pick<Ports, 'cases' | 'clock'>;

/** Shows the case as `needs-attention`; returns the status it had (to go back to), if it is not closed. */
export function markCase(deps: CaseAttentionDeps, caseId: string, known: string | undefined): Promise<string | undefined> {
  return retryOnLostRace(`case ${caseId}`, async () => {
    const record = await deps.cases.get(caseId);
    if (!record || record.status === 'closed') return { done: undefined };
    if (record.status === 'needs-attention') return { done: known };
    const marked = await deps.cases.transition({
      caseId,
      expectedVersion: record.version,
      set: { status: 'needs-attention' },
      event: { at: toShanghaiIso(deps.clock.now()), status: 'needs-attention', actor: 'system', note: '流程出错，已暂停，待指挥中心处理' },
    });
    return marked ? { done: record.status } : 'lost';
  });
}

/**
 * Puts the case back in the status it had before it needed attention (no-op if it has moved on). The
 * admin's resume route answers a case that keeps changing with its own 409 CASE_CONTENDED.
 */
export async function restoreCase(deps: CaseAttentionDeps, caseId: string, previousStatus: string | undefined): Promise<void> {
  if (!previousStatus) return;
  await retryOnLostRace(
    `case ${caseId}`,
    async () => {
      const record = await deps.cases.get(caseId);
      if (!record || record.status !== 'needs-attention') return { done: undefined };
      const restored = await deps.cases.transition({
        caseId,
        expectedVersion: record.version,
        set: { status: previousStatus as CaseStatus },
        event: { at: toShanghaiIso(deps.clock.now()), status: previousStatus as CaseStatus, actor: 'admin', note: '指挥中心已恢复流程' },
      });
      return restored ? { done: undefined } : 'lost';
    },
    () => new ConflictError(`case ${caseId} kept changing while restoring it`, 'CASE_CONTENDED'),
  );
}
