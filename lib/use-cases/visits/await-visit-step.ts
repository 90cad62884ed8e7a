import { visitWaitAnswer } from '../../domain/visits/visit';
import type { AwaitVisitInput } from '../../contracts/tasks/visit';
import type { Ports } from '../ports';
import { changeVisit } from './visit-record';

export type AwaitVisitStepDeps = Pick<Ports, 'visits' | 'workflows'>;

/**
 * The check-in and check-out waits: stores the token against the visit (and points the volunteer's
 * phone at it for a check-in by SMS); an answer recorded while a reminder swapped the token resumes at once.
 */
export async function awaitVisitStep(deps: AwaitVisitStepDeps, input: AwaitVisitInput): Promise<Record<string, never>> {
  const visit = await changeVisit(deps, input.visitId, (v) => {
    if (visitWaitAnswer(v, input.step) || v.taskToken === input.taskToken) return undefined;
    return { set: { waitingFor: input.step, taskToken: input.taskToken } };
  });
  const answer = visitWaitAnswer(visit, input.step);
  if (answer) await deps.workflows.completeTask(input.taskToken, answer);
  else if (input.step === 'check-in') await deps.visits.pointCheckIn(visit.volunteerId, visit.visitId);
  return {};
}
