import type { Wish } from '../../domain/wishes/wish';
import { wishSms } from '../../domain/wishes/wish-sms';
import type { AwaitWishInput, WishWait } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { changeWish } from './wish-record';

export type AwaitWishStepDeps = Pick<Ports, 'wishes' | 'workflows' | 'reference' | 'outbox' | 'clock'>;

/** Whether what a step waits for has already happened (then the new token is answered at once). */
function alreadyDone(wish: Wish, step: WishWait): Record<string, unknown> | undefined {
  if (step === 'vet' && wish.vetDecision) return { approved: wish.vetDecision.approved };
  if (step === 'claimed' && wish.claimCount >= wish.claimantsNeeded) return { claimed: true };
  if (step === 'fulfilled' && (wish.status === 'fulfilled' || wish.status === 'confirmed')) return { fulfilled: true };
  if (step === 'confirm' && wish.status === 'confirmed') return { confirmed: true };
  return undefined;
}

/**
 * Every `.waitForTaskToken` step of the wish workflow: stores the token against the wish, answers it at
 * once when what it waits for has happened meanwhile, and asks whoever must act (once per wish and step).
 */
export async function awaitWishStep(deps: AwaitWishStepDeps, input: AwaitWishInput): Promise<Record<string, never>> {
  const wish = await changeWish(deps, input.wishId, (w) => (w.taskToken === input.taskToken ? undefined : { waitingFor: input.step, taskToken: input.taskToken }));
  const done = alreadyDone(wish, input.step);
  if (done) await deps.workflows.completeTask(input.taskToken, done);
  else if (input.step === 'vet') {
    const phone = await gridWorkerPhone(deps, wish.gridId);
    if (phone) await notifyOnce(deps, { key: `${wish.wishId}#vet`, to: phone, text: wishSms.vetRequested(wish.wishId, wish.title), urgent: false });
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
