import { toShanghaiIso, type CaseStatus } from '../../domain/case';
import { ConflictError } from '../../errors';
import type { RepairDeps } from './deps';

const MAX_RACES = 5;

/** Shows the case as `needs-attention`; returns the status it had (to go back to), if it is not closed. */
export async function markCase(deps: RepairDeps, caseId: string, known: string | undefined): Promise<string | undefined> {
  for (let race = 0; race < MAX_RACES; race += 1) {
    const record = await deps.cases.get(caseId);
    if (!record || record.status === 'closed') return undefined;
    if (record.status === 'needs-attention') return known;
    const marked = await deps.cases.transition({
      caseId,
      expectedVersion: record.version,
      set: { status: 'needs-attention' },
      event: { at: toShanghaiIso(deps.clock.now()), status: 'needs-attention', actor: 'system', note: '流程出错，已暂停，待指挥中心处理' },
    });
    if (marked) return record.status;
  }
  throw new ConflictError(`case ${caseId} kept changing while marking it for attention`, 'CASE_CONTENDED');
}

/** Puts the case back in the status it had before it needed attention (no-op if it has moved on). */
export async function restoreCase(deps: RepairDeps, caseId: string, previousStatus: string | undefined): Promise<void> {
  if (!previousStatus) return;
  for (let race = 0; race < MAX_RACES; race += 1) {
    const record = await deps.cases.get(caseId);
    if (!record || record.status !== 'needs-attention') return;
    const restored = await deps.cases.transition({
      caseId,
      expectedVersion: record.version,
      set: { status: previousStatus as CaseStatus },
      event: { at: toShanghaiIso(deps.clock.now()), status: previousStatus as CaseStatus, actor: 'admin', note: '指挥中心已恢复流程' },
    });
    if (restored) return;
  }
  throw new ConflictError(`case ${caseId} kept changing while restoring it`, 'CASE_CONTENDED');
}
