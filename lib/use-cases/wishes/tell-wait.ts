import { waitAnswer, type WaitAnswer } from '../../domain/wishes/wait-answer';
import type { Wish } from '../../domain/wishes/wish';
import type { Ports } from '../ports';

/** Resumes or fails one wait of the wish workflow as `answer` says. */
export function answerWait(deps: Pick<Ports, 'workflows'>, token: string, answer: WaitAnswer): Promise<'resumed' | 'gone'> {
  return 'complete' in answer ? deps.workflows.completeTask(token, answer.complete) : deps.workflows.failTask(token, answer.fail);
}

/**
 * Tells the wait the wish's workflow is at what the wish as recorded says (`waits` while it must still
 * wait). An action calls it after its write and again on every repeat, so an answer lost between the
 * write and Step Functions (an outage, a killed process) is passed on by the client's retry; `gone`
 * when that wait has already been answered or has ended.
 */
export async function tellWait(deps: Pick<Ports, 'workflows'>, wish: Wish): Promise<'resumed' | 'gone' | 'waits'> {
  const answer = wish.waitingFor && wish.taskToken ? waitAnswer(wish, wish.waitingFor) : undefined;
  return answer ? answerWait(deps, wish.taskToken!, answer) : 'waits';
}
