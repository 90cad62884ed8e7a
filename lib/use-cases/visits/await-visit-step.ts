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
    const done = input.step === 'check-in' ? v.checkedInAt : v.checkedOutAt;
    if (done || v.taskToken === input.taskToken) return undefined;
    return { set: { waitingFor: input.step, taskToken: input.taskToken } };
  });
  const answered = input.step === 'check-in' ? visit.checkedInAt : visit.checkedOutAt;
  if (answered) await deps.workflows.completeTask(input.taskToken, input.step === 'check-in' ? { checkedIn: true } : { wellbeing: visit.wellbeing ?? 'ok' });
  else if (input.step === 'check-in') await deps.visits.pointCheckIn(visit.volunteerId, visit.visitId);
  return {};
}
