import { createHash } from 'node:crypto';
import { shanghaiDay, toShanghaiIso, type CaseRecord, type CaseStep } from '../../domain/case';
import type { CaseAction } from '../../contracts/http/cases';
import { actorIdOf, type CaseActor } from '../../domain/actor';
import { nextStepAfter, STEP_OF_ACTION, statusAfter } from '../../domain/case-actions';
import { ACTION_LABEL } from '../../domain/case-labels';
import { resolutionPlan } from '../../domain/deadlines';
import { mayTakeCaseAction, staffMayActOnCase } from '../../domain/policy';
import { RATING_LABEL } from '../../domain/sms-text';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors';
import type { MetricIncrement, OpenStep, StepDecision, Transition } from '../../ports/case-store';
import type { ExecutionView } from '../../ports/workflows';
import { commandFrom, type CommandSource } from '../command-source';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';
import { metricDims } from './recipients';

export type ActOnCaseDeps = Pick<Ports, 'cases' | 'reference' | 'workflows' | 'centre' | 'clock'>;

/** A stable fingerprint of "this actor took this action with this body": repeats are recognised. */
function fingerprint(actorId: string, action: CaseAction): string {
  const canonical = JSON.stringify(Object.keys(action).sort().map((k) => [k, (action as Record<string, unknown>)[k]]));
  return createHash('sha256').update(`${actorId}|${canonical}`).digest('hex').slice(0, 32);
}

const notWaiting = () => new ConflictError('该诉求当前不在等待此操作', 'NOT_WAITING');

/**
 * `POST /v1/cases/{caseId}/actions`. Checks the caller's scope on the case (404/403) before it reads
 * the action, then who may take that action (403), whether the case waits for it (409 NOT_WAITING),
 * records the decision with its case change in one conditional write (of two concurrent different
 * actions exactly one wins; the same action repeated is accepted again and changes nothing), then
 * resumes the workflow with ids and codes only, never free text.
 *
 * A case waits for an action when its step is open, or when the workflow is on its way to open that
 * step (`record.awaiting`, set by the decision before; or a new report on its way to the grid check):
 * then the decision is recorded for the step's next opening, which takes it and resumes at once. So a
 * client acting on the status it was just told is never refused because the workflow lags behind.
 */
export async function actOnCase(
  deps: ActOnCaseDeps,
  caseId: string,
  actor: CaseActor | undefined,
  source: CommandSource<CaseAction>,
  proof?: { trackingCodeMatches: (record: CaseRecord) => boolean },
): Promise<{ caseId: string; status: string }> {
  if (!actor) throw new UnauthenticatedError('需要登录凭证或查询码');
  const scoped = await caseInScope(deps, caseId, actor, proof);
  const action = commandFrom(source);
  const actorId = actorIdOf(actor);
  const mine = fingerprint(actorId, action);
  const stepName = STEP_OF_ACTION[action.type];
  let targetOpening: number | undefined;
  // Each lost write means the workflow (or another person) changed the case: try again on what they left,
  // and answer 409 NOT_WAITING when the tries run out, as to any action the case no longer waits for.
  return retryOnLostRace(`case ${caseId}`, async (race) => {
    const record = race === 0 ? scoped : await deps.cases.get(caseId);
    if (!record) throw new NotFoundError('未找到该诉求');
    const [step, pendings] = await Promise.all([deps.cases.step(caseId, stepName), deps.cases.pendingDecisions(caseId, stepName)]);
    const repeat = (decided: boolean) => (decided && step ? resume(deps, step, step.decision!, action) : accepted(deps, caseId, action));
    if (record.awaiting?.after === mine) return { done: await repeat(step?.decision?.fingerprint === mine) };
    // Heading for a new opening of this step (a reopened case is dispatched again), earlier decisions
    // on it are for earlier openings: the same body again is a new decision, not a repeat.
    const headingHere = record.awaiting?.step === stepName;
    if (!headingHere && step?.decision?.fingerprint === mine) return { done: await repeat(true) };
    if (!headingHere && pendings.some((p) => p.decision.fingerprint === mine)) return { done: await repeat(false) };
    // Having lost a race for an opening, the answer is 409 whatever the winner's decision led to since.
    // (A reminder swaps the token but keeps the opening: that is no lost race; nor is the opening itself.)
    if (targetOpening !== undefined) {
      const seq = step?.openedSeq ?? 0;
      if (seq > targetOpening || (seq === targetOpening && step?.decision) || pendings.some((p) => p.forSeq === targetOpening)) throw notWaiting();
    }
    const open = step !== undefined && !step.decision && !step.closedAt && record.status !== 'closed' && !headingHere;
    const ahead =
      !open &&
      record.status !== 'closed' &&
      (headingHere || (!record.awaiting && record.status === 'submitted' && stepName === 'grid-check' && !step && !pendings.length));
    // Before the step opens, a department's step belongs to the department the workflow is routing it to.
    const assigned: CaseRecord = ahead && record.awaiting?.departmentId ? { ...record, departmentId: record.awaiting.departmentId } : record;
    if (!mayTakeCaseAction(actor, action.type, assigned)) throw new ForbiddenError('您无权对该诉求执行此操作');
    if (!open && !ahead) throw notWaiting();
    await checkReferences(deps, record, action);
    await ensureRunning(deps, caseId, ['RUNNING']);
    targetOpening = open ? step.openedSeq : Math.max(step?.openedSeq ?? 0, ...pendings.map((p) => p.forSeq)) + 1;
    const now = deps.clock.now();
    const decision: StepDecision = {
      type: action.type,
      fingerprint: mine,
      actorId,
      ...noteOf(action),
      output: outputFor(action, assigned, now),
      at: toShanghaiIso(now),
    };
    const [categories, departments] = await Promise.all([deps.reference.categories(), deps.reference.departments()]);
    const next = nextStepAfter(action, assigned, { categories, departments, districtDepartmentId: deps.centre.districtDepartmentId });
    const transition: Transition = {
      caseId,
      expectedVersion: record.version,
      set: { ...changesFor(action, assigned, now), ...(next ? { awaiting: { ...next, after: mine } } : {}) },
      ...(next || !record.awaiting ? {} : { remove: ['awaiting'] }),
      event: {
        at: decision.at,
        status: record.status,
        actor: actor.kind === 'staff' ? (actor.role === 'volunteer' ? 'system' : actor.role) : 'resident',
        ...(actor.kind === 'staff' ? { actorId: actor.sub } : {}),
        note: describe(action),
      },
      metrics: metricsFor(action, assigned),
    };
    const won = open
      ? await deps.cases.decideStep({ step, decision, transition })
      : await deps.cases.recordPendingDecision({
          pending: {
            caseId,
            step: stepName,
            forSeq: targetOpening,
            ...(DEPARTMENT_STEPS.includes(stepName) && assigned.departmentId ? { departmentId: assigned.departmentId } : {}),
            decision,
          },
          transition,
        });
    if (!won) return 'lost';
    if (next?.step === 'feedback') await askRatingNext(deps, caseId);
    return { done: await (open ? resume(deps, step, decision, action) : accepted(deps, caseId, action)) };
  }, notWaiting);
}

const DEPARTMENT_STEPS: CaseStep[] = ['accept', 'resolve'];

/**
 * Whether the caller may act on this case at any step, decided before the action is read: the
 * reporter (tracking code; a wrong code and a missing case look the same), the centre, a grid worker
 * of its grid, the department it is dispatched to or being dispatched to. Which action is theirs is
 * decided once the action is known (`mayTakeCaseAction`).
 */
async function caseInScope(deps: Pick<Ports, 'cases'>, caseId: string, actor: CaseActor, proof: { trackingCodeMatches: (record: CaseRecord) => boolean } | undefined): Promise<CaseRecord> {
  const record = await deps.cases.get(caseId);
  if (!record || (actor.kind === 'resident' && !proof?.trackingCodeMatches(record))) throw new NotFoundError('未找到该诉求');
  if (actor.kind === 'staff' && !staffMayActOnCase(actor, record)) {
    throw new ForbiddenError('该诉求不在您的管辖范围');
  }
  return record;
}

/**
 * An SMS rating reply rates the case the phone was last asked about: point it at this case now, so a
 * reply sent before the request itself goes out is not lost on an older case.
 */
async function askRatingNext(deps: Pick<Ports, 'cases'>, caseId: string): Promise<void> {
  const phone = (await deps.cases.contact(caseId))?.phone;
  if (phone) await deps.cases.awaitRatingFrom(phone, caseId);
}

/** 409 unless the case's execution is in one of `allowed`: a decision nobody will take is never a 202. */
async function ensureRunning(deps: Pick<Ports, 'workflows'>, caseId: string, allowed: ExecutionView['status'][]): Promise<void> {
  const execution = await deps.workflows.describe('case-lifecycle', caseId);
  if (!execution || !allowed.includes(execution.status)) {
    throw new ConflictError('该诉求的流程未在运行，操作未被记录，请联系指挥中心', 'WORKFLOW_NOT_RUNNING');
  }
}

async function resume(deps: Pick<Ports, 'workflows'>, step: OpenStep, decision: StepDecision, action: CaseAction) {
  // `gone`: a reminder swapped the token meanwhile and the new wait replays this decision itself; or
  // the workflow already took it (a repeat); or the execution stopped, which must not be a 202.
  if ((await deps.workflows.completeTask(step.taskToken, decision.output)) === 'gone') await ensureRunning(deps, step.caseId, ['RUNNING', 'SUCCEEDED']);
  return { caseId: step.caseId, status: statusAfter(action) };
}

/** A decision recorded ahead of its step: the opening takes it. A repeat checks the workflow is still alive. */
async function accepted(deps: Pick<Ports, 'workflows'>, caseId: string, action: CaseAction) {
  await ensureRunning(deps, caseId, ['RUNNING']);
  return { caseId, status: statusAfter(action) };
}

/**
 * A decision recorded before its step opened, as the opening passes it on: its resolution plan counts
 * from the case's due time as it is now (a reopening sets a new one) and from the moment of opening.
 */
export function outputAtOpening(decision: StepDecision, record: CaseRecord, now: Date): StepDecision['output'] {
  return 'plan' in decision.output ? { ...decision.output, plan: { ...resolutionPlan(new Date(record.dueAt), now) } } : decision.output;
}

async function checkReferences(deps: Pick<Ports, 'cases' | 'reference'>, record: CaseRecord, action: CaseAction): Promise<void> {
  const departmentId = action.type === 'refuse' ? action.suggestedDepartmentId : action.type === 'centre-review' ? action.departmentId : undefined;
  if (departmentId && !(await deps.reference.departments()).some((d) => d.departmentId === departmentId)) {
    const field = action.type === 'refuse' ? 'suggestedDepartmentId' : 'departmentId';
    throw new ValidationError('未知的部门', { [field]: `未知部门 ${departmentId}` }, 'UNKNOWN_DEPARTMENT');
  }
  if (action.type === 'grid-check' && action.outcome === 'duplicate') {
    const original = action.duplicateOf === record.caseId ? undefined : await deps.cases.get(action.duplicateOf!);
    if (!original || original.status === 'closed') throw new ValidationError('原诉求不存在或已办结', { duplicateOf: '须为在办诉求的编号' }, 'UNKNOWN_CASE');
  }
}

function noteOf(action: CaseAction): { note?: string } {
  switch (action.type) {
    case 'refuse':
      return { note: action.reason };
    case 'feedback':
      return action.comment ? { note: action.comment } : {};
    case 'accept':
      return {};
    default:
      return { note: action.note };
  }
}

/** What the workflow receives: codes, ids and numbers, nothing a person typed. */
function outputFor(action: CaseAction, record: CaseRecord, now: Date): StepDecision['output'] {
  switch (action.type) {
    case 'grid-check':
      return { outcome: action.outcome, duplicateOf: action.duplicateOf ?? null };
    case 'accept':
      return { decision: 'accepted', suggestedDepartmentId: null, plan: { ...resolutionPlan(new Date(record.dueAt), now) } };
    case 'refuse':
      return { decision: 'refused', suggestedDepartmentId: action.suggestedDepartmentId ?? null };
    case 'resolve':
      return { resolved: true };
    case 'verify':
      return { passed: action.passed, plan: { ...resolutionPlan(new Date(record.dueAt), now) } };
    case 'feedback':
      return { rating: action.rating };
    case 'centre-review':
      return { decision: action.decision, departmentId: action.departmentId ?? null, code: action.code ?? null };
  }
}

function changesFor(action: CaseAction, record: CaseRecord, now: Date): Partial<CaseRecord> {
  const firstResponse = (action.type === 'grid-check' || action.type === 'accept') && !record.respondedAt;
  const newAcceptor = action.type === 'accept' && record.departmentId && !(record.acceptedBy ?? []).includes(record.departmentId);
  return {
    ...(firstResponse ? { respondedAt: toShanghaiIso(now) } : {}),
    ...(newAcceptor ? { acceptedBy: [...(record.acceptedBy ?? []), record.departmentId!] } : {}),
    ...(action.type === 'feedback' ? { rating: action.rating } : {}),
  };
}

function metricsFor(action: CaseAction, record: CaseRecord): MetricIncrement[] {
  const day = shanghaiDay(record.createdAt);
  const out: MetricIncrement[] = [];
  if (action.type === 'grid-check' && !record.respondedAt) out.push({ day, dims: metricDims(record, false), counters: { responded: 1 } });
  if (action.type === 'accept' && record.departmentId && !(record.acceptedBy ?? []).includes(record.departmentId)) {
    out.push({ day, dims: { department: record.departmentId }, counters: { responded: 1 } });
  }
  if (action.type === 'feedback') {
    out.push({ day, dims: metricDims(record), counters: { rated: 1, satisfied: action.rating === 'dissatisfied' ? 0 : 1 } });
  }
  return out;
}

function describe(action: CaseAction): string {
  const label = ACTION_LABEL[action.type];
  switch (action.type) {
    case 'grid-check':
      return `${label}：${{ 'resolved-on-site': '已现场解决', 'needs-dispatch': '需派单', invalid: '不成立', duplicate: `重复（${action.duplicateOf}）` }[action.outcome]}。${action.note}`;
    case 'accept':
      return label;
    case 'refuse':
      return `${label}：${action.reason}`;
    case 'verify':
      return `${label}：${action.passed ? '通过' : '未通过，退回返工'}。${action.note}`;
    case 'feedback':
      return `${label}：${RATING_LABEL[action.rating]}${action.comment ? `。${action.comment}` : ''}`;
    case 'centre-review':
      return `${label}：${action.decision === 'dispatch' ? '重新派单' : `结案（${action.code}）`}。${action.note}`;
    default:
      return `${label}：${action.note}`;
  }
}
