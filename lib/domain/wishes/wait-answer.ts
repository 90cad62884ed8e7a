import type { Wish } from './wish';

type Wait = NonNullable<Wish['waitingFor']>;

/** How a wait of the wish workflow is answered: resumed with an output, or failed with a named error its Catch takes. */
export type WaitAnswer = { complete: Record<string, unknown> } | { fail: 'WishWithdrawn' | 'ClaimReleased' };

/**
 * What the wish as recorded says to the workflow waiting at `step`, or `undefined` while that wait
 * still has to wait. Every action records first and tells the workflow after; when the telling fails
 * (a Step Functions outage, a process killed between the two), whoever comes next tells it again from
 * this: the wait when it opens (or reopens with a new token), and a repeat of the action.
 */
export function waitAnswer(wish: Wish, step: Wait): WaitAnswer | undefined {
  if (wish.status === 'withdrawn') return step === 'confirm' ? undefined : { fail: 'WishWithdrawn' };
  switch (step) {
    case 'vet':
      return wish.vetDecision ? { complete: { approved: wish.vetDecision.approved } } : undefined;
    case 'claimed':
      return wish.claimCount >= wish.claimantsNeeded ? { complete: { claimed: true } } : undefined;
    case 'fulfilled':
      if (wish.status === 'fulfilled' || wish.status === 'confirmed') return { complete: { fulfilled: true } };
      // Every place was taken when this wait opened: back to published means a claim gave its place back.
      return wish.status === 'published' ? { fail: 'ClaimReleased' } : undefined;
    case 'confirm':
      return wish.status === 'confirmed' ? { complete: { confirmed: true } } : undefined;
  }
}
