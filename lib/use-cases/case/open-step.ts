import type { OpenStepInput } from '../../contracts/tasks/case';
import { addHours, toShanghaiIso, type CaseRecord, type CaseStatus, type CaseStep } from '../../domain/case';
import { STEP_LABEL } from '../../domain/case-labels';
import { heldPast } from '../../domain/deadlines';
import { shortLocalTime, smsText } from '../../domain/sms-text';
import { log } from '../../log';
import type { OpenStep, PendingDecision } from '../../ports/case-store';
import { retryOnLostRace } from '../lost-race';
import { outputAtOpening } from './act';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { labels, loadCase, recipients } from './recipients';

export const STATUS_WHILE_WAITING: Record<CaseStep, CaseStatus> = {
  'grid-check': 'grid-check',
  accept: 'dispatched',
  resolve: 'in-progress',
  verify: 'verifying',
  feedback: 'feedback',
  'centre-review': 'reopened',
};

export type OpenCaseStepDeps = Pick<Ports, 'cases' | 'workflows' | 'reference' | 'centre' | 'outbox' | 'clock'>;

/**
 * Called by every `.waitForTaskToken` task: stores the token against the case and step, puts the step
 * on the right worklist, and tells whoever must act (once per opening). A Lambda retry with the same
 * token changes nothing; a continuation whose step was already decided resumes at once with that
 * decision, so an answer given while a reminder swapped the token is never lost. A fresh opening
 * whose decision was recorded before it (see `actOnCase`) takes that decision and resumes at once.
 */
export function openCaseStep(deps: OpenCaseStepDeps, input: OpenStepInput): Promise<{ status: CaseStatus }> {
  const status = STATUS_WHILE_WAITING[input.step];
  return retryOnLostRace(`case ${input.caseId}`, async () => {
    const record = await loadCase(deps, input.caseId);
    const current = await deps.cases.step(input.caseId, input.step);
    if (current?.taskToken === input.taskToken) {
      // A retry of an opening that was decided meanwhile (or took its decision) passes the decision on again.
      if (current.decision) await deps.workflows.completeTask(input.taskToken, current.decision.output);
      else if (!input.continues) await notifyOpened(deps, record, current);
      return { done: { status } };
    }
    const continuing = input.continues && current !== undefined && !current.closedAt;
    if (continuing && current.decision) {
      await deps.workflows.completeTask(input.taskToken, current.decision.output);
      return { done: { status } };
    }
    const now = deps.clock.now();
    const retried = !input.continues && current !== undefined && isRetryOf(current, record, now);
    const sameOpening = continuing || retried;
    const openedSeq = sameOpening ? current!.openedSeq : (current?.openedSeq ?? 0) + 1;
    const pending = sameOpening ? undefined : await takeablePending(deps, record, input.step, openedSeq);
    const step: OpenStep = {
      caseId: input.caseId,
      step: input.step,
      category: record.category,
      taskToken: input.taskToken,
      assignee: {
        ...(record.gridId ? { gridId: record.gridId } : { centre: true }),
        ...(record.departmentId ? { departmentId: record.departmentId } : {}),
      },
      dueAt: retried ? current!.dueAt : toShanghaiIso(addHours(now, input.seconds / 3600)),
      openedAt: sameOpening ? current!.openedAt : toShanghaiIso(now),
      openedSeq,
      ...(pending ? { decision: { ...pending.decision, output: outputAtOpening(pending.decision, record, now) } } : {}),
    };
    const recorded = await deps.cases.recordStepOpened({
      step,
      status,
      expectedVersion: record.version,
      event: { at: toShanghaiIso(now), status, actor: 'system', note: `${continuing ? '继续等待' : '等待'}${STEP_LABEL[input.step]}${pending ? '（已预先决定）' : ''}` },
      // The awaited step is open; a decision taken at opening has already named the step after it.
      ...(record.awaiting && !pending ? { remove: ['awaiting'] as const } : {}),
      ...(pending ? { takesPending: true } : {}),
    });
    if (!recorded) return 'lost';
    if (step.decision) {
      // Whoever decided needs no request; the reporter still hears the case was accepted.
      if (step.step === 'resolve') await notifyOpened(deps, { ...record, status }, step, { decided: true });
      await deps.workflows.completeTask(input.taskToken, step.decision.output);
      return { done: { status } };
    }
    if (!continuing) await notifyOpened(deps, { ...record, status }, step);
    return { done: { status } };
  });
}

/**
 * A Step Functions retry of the opening task (its invocation failed after the function ran) comes with a
 * new token but is the same opening: the step is still open, undecided, for the same assignee and within
 * its deadline. Taken for a new opening it would ask the person a second time. A real re-entry differs:
 * the step was decided, timed out (past its deadline), or moved to another department.
 */
function isRetryOf(current: OpenStep, record: CaseRecord, now: Date): boolean {
  if (current.closedAt || current.decision || now.getTime() >= Date.parse(current.dueAt)) return false;
  return current.assignee.gridId === record.gridId && current.assignee.departmentId === record.departmentId && (current.assignee.centre ?? false) === !record.gridId;
}

/**
 * The decision recorded for this opening before it happened, if any. One recorded for another
 * department than the case is now dispatched to is never taken (it cannot happen while routing is
 * `dispatchTarget`; were it to, the department acts again on the open step).
 */
async function takeablePending(deps: Pick<Ports, 'cases'>, record: CaseRecord, stepName: CaseStep, openedSeq: number): Promise<PendingDecision | undefined> {
  const pending = (await deps.cases.pendingDecisions(record.caseId, stepName)).find((p) => p.forSeq === openedSeq);
  if (!pending) return undefined;
  if (pending.departmentId && pending.departmentId !== record.departmentId) {
    log.warn('pending decision for another department left untaken', { caseId: record.caseId, step: stepName });
    return undefined;
  }
  return pending;
}

/**
 * Tells whoever must act that a step opened. Only an emergency's messages ignore quiet hours. A message
 * naming a time goes stale then (`staleAt`); one that quiet hours would hold past that time is written
 * without it ("请尽快签收"), so the morning brings a request that is still true rather than silence.
 */
async function notifyOpened(deps: OpenCaseStepDeps, record: CaseRecord, step: OpenStep, opts: { decided?: boolean } = {}): Promise<void> {
  const who = recipients(deps);
  const names = await labels(deps, record);
  const urgent = record.priority === 'emergency';
  const now = deps.clock.now();
  /** The time to name in a message, unless it would be past when the message arrives. */
  const timeToName = (iso: string) => (urgent || !heldPast(new Date(iso), now) ? iso : undefined);
  const stepDue = timeToName(step.dueAt);
  const due = stepDue ? shortLocalTime(new Date(stepDue)) : undefined;
  const key = `${record.caseId}#${step.step}#${step.openedSeq}`;
  const send = async (to: string | undefined, text: string, staleAt?: string, audience?: 'resident') => {
    if (to) await notifyOnce(deps, { key, to, text, urgent, ...(staleAt ? { staleAt } : {}), ...(audience ? { audience } : {}) });
  };
  switch (step.step) {
    case 'grid-check':
      return record.gridId
        ? send(await who.gridWorker(record.gridId), smsText.gridCheckRequested(record.caseId, names.category, names.grid, due), stepDue)
        : send(await who.centre(), smsText.unroutedCase(record.caseId, names.category));
    case 'accept':
      return send(
        await who.departmentDuty(record.departmentId),
        record.reopenCount > 0 && step.openedSeq > 1
          ? smsText.reopened(record.caseId, names.category, names.grid, due)
          : smsText.dispatched(record.caseId, names.category, names.grid, due),
        stepDue,
      );
    case 'resolve': {
      const caseDue = timeToName(record.dueAt);
      return step.openedSeq === 1 || (await isFirstResolveOfDispatch(deps, record))
        ? send(await who.reporter(record.caseId), smsText.acceptedForReporter(record.caseId, names.department, caseDue && shortLocalTime(new Date(caseDue))), caseDue, 'resident')
        : opts.decided
          ? undefined
          : send(await who.departmentDuty(record.departmentId), smsText.reworkRequested(record.caseId));
    }
    case 'verify':
      return send(await who.gridWorker(record.gridId), smsText.verifyRequested(record.caseId));
    case 'feedback': {
      const phone = await who.reporter(record.caseId);
      if (!phone) return;
      await deps.cases.awaitRatingFrom(phone, record.caseId);
      return send(phone, smsText.feedbackRequested(record.caseId), undefined, 'resident');
    }
    case 'centre-review':
      return send(await who.centre(), smsText.centreReview(record.caseId));
  }
}

/** A resolve step opened right after an acceptance (not after a failed verification) tells the reporter. */
async function isFirstResolveOfDispatch(deps: Pick<Ports, 'cases'>, record: CaseRecord): Promise<boolean> {
  const verify = await deps.cases.step(record.caseId, 'verify');
  const accept = await deps.cases.step(record.caseId, 'accept');
  return !verify?.decision || (accept?.decision !== undefined && accept.decision.at > verify.decision.at);
}
