import { waitAnswer } from '../../domain/wishes/wait-answer';
import { wishSms } from '../../domain/wishes/wish-sms';
import type { AwaitWishInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { answerWait } from './tell-wait';
import { changeWish } from './wish-record';

export type AwaitWishStepDeps = Pick<Ports, 'wishes' | 'workflows' | 'reference' | 'outbox' | 'clock' | 'consoleUrl'>;

/**
 * Every `.waitForTaskToken` step of the wish workflow: stores the token against the wish, answers it at
 * once when what it waits for has happened meanwhile (or the wish was withdrawn, or a claim given back),
 * and asks whoever must act (once per wish and step).
 */
export async function awaitWishStep(deps: AwaitWishStepDeps, input: AwaitWishInput): Promise<Record<string, never>> {
  const wish = await changeWish(deps, input.wishId, (w) => (w.taskToken === input.taskToken ? undefined : { waitingFor: input.step, taskToken: input.taskToken }));
  const answer = waitAnswer(wish, input.step);
  if (answer) await answerWait(deps, input.taskToken, answer);
  else if (input.step === 'vet') {
    const phone = await gridWorkerPhone(deps, wish.gridId);
    if (phone) await notifyOnce(deps, { key: `${wish.wishId}#vet`, to: phone, text: wishSms.vetRequested(wish.wishId, wish.title, deps.consoleUrl), urgent: false });
  } else if (input.step === 'confirm') {
    const phone = await gridWorkerPhone(deps, wish.gridId);
    if (phone) await notifyOnce(deps, { key: `${wish.wishId}#confirm`, to: phone, text: wishSms.confirmRequested(wish.wishId), urgent: false });
    const beneficiary = (await deps.wishes.beneficiary(wish.wishId))?.phone;
    if (beneficiary) {
      await deps.wishes.awaitConfirmationFrom(beneficiary, wish.wishId);
      await notifyOnce(deps, { key: `${wish.wishId}#confirm-by-reply`, to: beneficiary, text: wishSms.confirmByReply(wish.wishId), urgent: false, audience: 'resident' });
    }
  }
  return {};
}
