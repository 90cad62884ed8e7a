import { ACCEPT_HOURS, FEEDBACK_HOURS, seconds } from '../../domain/deadlines';
import type { CaseStep } from '../../domain/case';
import type { RepairableKind } from '../../ports/repair-store';
import type { WorkflowInput, WorkflowName } from '../../ports/workflows';
import type { Ports } from '../ports';

export const WORKFLOW_OF: Record<RepairableKind, WorkflowName> = { case: 'case-lifecycle', wish: 'wish', visit: 'companion-visit' };

/**
 * How to start an entity's workflow again from where it stands: `restartAt` names the step for the
 * workflow's first Choice ("Start or restart?"), with the data the states from there on read.
 * `undefined` when the lifecycle has nothing left to do.
 */
export interface RestartPlan {
  step: string;
  input: WorkflowInput;
}

const MIN_WAIT_SECONDS = 60;

export type RestartPlanDeps = Pick<Ports, 'cases' | 'wishes' | 'visits' | 'repair' | 'clock'>;

export async function restartPlan(deps: RestartPlanDeps, kind: RepairableKind, id: string): Promise<RestartPlan | undefined> {
  switch (kind) {
    case 'case':
      return casePlan(deps, id);
    case 'wish':
      return wishPlan(deps, id);
    case 'visit':
      return visitPlan(deps, id);
  }
}

async function casePlan(deps: RestartPlanDeps, caseId: string): Promise<RestartPlan | undefined> {
  const record = await deps.cases.get(caseId);
  if (!record) return undefined;
  const status = record.status === 'needs-attention' ? ((await deps.repair.attention('case', caseId))?.previousStatus ?? 'submitted') : record.status;
  const now = deps.clock.now().getTime();
  const left = async (step: CaseStep, fallback: number) => {
    const due = (await deps.cases.step(caseId, step))?.dueAt;
    return Math.max(MIN_WAIT_SECONDS, due ? Math.round((Date.parse(due) - now) / 1000) : fallback);
  };
  const acceptSeconds = seconds(ACCEPT_HOURS[record.priority]);
  const file = {
    caseId,
    triage: { duplicateOf: null, gridCheckSeconds: 86400 },
    dispatch: { dispatchCount: record.dispatchCount ?? 0, departmentId: record.departmentId ?? null, acceptSeconds },
    closeCode: record.departmentId ? 'fixed' : 'resolved-on-site',
  };
  const at = (step: string, extra: WorkflowInput = {}) => ({ step, input: { ...file, restartAt: step, ...extra } });
  switch (status) {
    case 'closed':
      return undefined;
    case 'grid-check':
      return at('grid-check');
    case 'dispatched':
      return at('accept', { restart: { seconds: await left('accept', acceptSeconds) } });
    case 'in-progress':
      return at('resolve', { plan: { finalSeconds: Math.max(MIN_WAIT_SECONDS, Math.round((Date.parse(record.dueAt) - now) / 1000)) } });
    case 'verifying':
      return at('verify');
    case 'feedback':
      return at('feedback', { restart: { seconds: await left('feedback', seconds(FEEDBACK_HOURS)) } });
    case 'reopened': {
      const review = await deps.cases.step(caseId, 'centre-review');
      return review && !review.closedAt && record.reopenCount >= 2 ? at('centre-review') : at('dispatch');
    }
    default:
      return { step: 'triage', input: { caseId } };
  }
}

async function wishPlan(deps: RestartPlanDeps, wishId: string): Promise<RestartPlan | undefined> {
  const wish = await deps.wishes.get(wishId);
  const at = (step: string) => ({ step, input: { wishId, restartAt: step } });
  switch (wish?.status) {
    case 'submitted':
      return { step: 'vet', input: { wishId } };
    case 'published':
      return at('claims');
    case 'claimed':
      return at('fulfilment');
    case 'fulfilled':
      return at('confirm');
    case 'confirmed':
      return at('thanks');
    default:
      return undefined;
  }
}

async function visitPlan(deps: RestartPlanDeps, visitId: string): Promise<RestartPlan | undefined> {
  const visit = await deps.visits.visit(visitId);
  const at = (step: string) => ({ step, input: { visitId, restartAt: step } });
  switch (visit?.status) {
    case 'scheduled':
    case 'reminded':
      return { step: 'plan', input: { visitId } };
    case 'checked-in':
      return at('check-out');
    case 'missed':
      return at('reach');
    case 'escalated':
      return at('welfare-check');
    default:
      return undefined;
  }
}
