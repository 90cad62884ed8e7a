import type { HoldInput } from '../../contracts/tasks/attention';
import { requireStaff, type StaffActor } from '../../domain/actor';
import { toShanghaiIso } from '../../domain/case';
import { consoleLink, SMS_SEGMENT, sms } from '../../domain/sms-text';
import { isCentre, requirePermission } from '../../domain/policy';
import { NotFoundError } from '../../errors';
import { log } from '../../log';
import type { RepairableKind } from '../../ports/repair-store';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { centrePhone } from '../staff-phones';
import { markCase, restoreCase } from './case-attention';
import { reconcileOne, type ReconcileOneDeps } from './reconcile';

const LABEL: Record<RepairableKind, string> = { case: '诉求', wish: '微心愿', visit: '探访' };

/** To the duty admin: the entity's short reference only, never a token or a person's details. */
export function attentionSms(kind: RepairableKind, id: string, consoleUrl?: string): string {
  const text = sms(consoleUrl ? `${LABEL[kind]}${id}流程出错待核查：${consoleLink(consoleUrl, '/admin')}` : `${LABEL[kind]}${id}流程出错已暂停，请在指挥中心工作台核查后恢复。`);
  if (text.length > SMS_SEGMENT) throw new Error(`attention SMS for ${kind} ${id} does not fit one segment`);
  return text;
}

/**
 * A step failed for good (after its retries): the entity shows `needs-attention` (a case by its
 * status; every kind on the centre's worklist), the duty admin gets one SMS per failure, and the
 * workflow waits on the token stored here. Waiting again after a week (the same failure) only swaps
 * the token. Only the error's name is kept: its message may quote data.
 */
export type HoldForCentreDeps = Pick<Ports, 'repair' | 'cases' | 'reference' | 'centre' | 'outbox' | 'clock' | 'consoleUrl'>;

export async function holdForCentre(deps: HoldForCentreDeps, input: HoldInput): Promise<Record<string, never>> {
  const [at = 'unknown', failure] = Object.entries(input.failed)[0] ?? [];
  const error = (failure?.Error ?? 'Error').slice(0, 80);
  const existing = await deps.repair.attention(input.kind, input.id);
  if (existing?.taskToken === input.taskToken) return {};
  const open = existing && !existing.resolvedAt ? existing : undefined;
  const sameFailure = open?.at === at;
  const seq = sameFailure ? open.seq : (existing?.seq ?? 0) + 1;
  const now = toShanghaiIso(deps.clock.now());
  const previousStatus = input.kind === 'case' ? await markCase(deps, input.id, open?.previousStatus) : undefined;
  await deps.repair.holdForAttention({
    kind: input.kind,
    id: input.id,
    at,
    error,
    since: sameFailure ? open.since : now,
    taskToken: input.taskToken,
    seq,
    ...(previousStatus ? { previousStatus } : {}),
  });
  log.warn('workflow needs attention', { kind: input.kind, id: input.id, at, error, seq });
  const phone = await centrePhone(deps);
  // The duty admin is woken at night only where someone may be at risk: an emergency case, or a visit
  // (a stopped visit may be a welfare check not raised). Anything else waits on the worklist till 07:00.
  const urgent = input.kind === 'visit' || (input.kind === 'case' && (await deps.cases.get(input.id))?.priority === 'emergency');
  if (phone) await notifyOnce(deps, { key: `attention#${input.kind}#${input.id}#${seq}`, to: phone, text: attentionSms(input.kind, input.id, deps.consoleUrl), urgent });
  return {};
}

/**
 * `POST /v1/admin/attention/{kind}/{id}/resume` → 202: the workflow goes back to the state that failed
 * (the cause, say a broken reference record, is repaired first). If its execution is gone meanwhile,
 * it is restarted from the entity's current step instead.
 */
export async function resumeFromAttention(deps: ReconcileOneDeps, actor: StaffActor | undefined, kind: RepairableKind, id: string) {
  requirePermission(isCentre(requireStaff(actor)), '仅指挥中心可以恢复流程');
  const item = await deps.repair.attention(kind, id);
  if (!item || item.resolvedAt) throw new NotFoundError('该事项不在待恢复列表中', 'NOT_AWAITING_RESUME');
  if (kind === 'case') await restoreCase(deps, id, item.previousStatus);
  const outcome = await deps.workflows.completeTask(item.taskToken, { at: item.at });
  await deps.repair.resolveAttention(kind, id, item.taskToken, toShanghaiIso(deps.clock.now()));
  if (outcome === 'resumed') return { kind, id, resumedAt: item.at };
  const restarted = await reconcileOne(deps, { kind, id });
  return { kind, id, ...(restarted ? { restartedAt: restarted.step } : {}) };
}

/** The centre's worklist entries for items waiting on it, oldest first. */
export async function attentionWorklist(deps: Pick<Ports, 'repair'>) {
  return (await deps.repair.openAttention(100)).map((a) => ({
    kind: a.kind,
    id: a.id,
    ...(a.kind === 'case' ? { caseId: a.id } : {}),
    step: 'needs-attention',
    failedAt: a.at,
    error: a.error,
    since: a.since,
    dueAt: a.since,
  }));
}
