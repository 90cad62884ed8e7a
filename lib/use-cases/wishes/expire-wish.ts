import { wishSms } from '../../domain/wishes/wish-sms';
import type { WishIdInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { changeWish, loadWish, releaseLapsedClaim } from './wish-record';

export type ExpireWishDeps = Pick<Ports, 'wishes' | 'workflows' | 'visits' | 'reference' | 'outbox' | 'clock'>;

/** The deadline passed: every active claim is released (its claimant told), the wish expires, the grid worker hears. */
export async function expireWish(deps: ExpireWishDeps, input: WishIdInput): Promise<Record<string, never>> {
  let wish = await loadWish(deps, input.wishId);
  for (const claim of await deps.wishes.claims(wish.wishId)) {
    if (claim.status !== 'claimed' && claim.status !== 'contacted') continue;
    await releaseLapsedClaim(deps, input.wishId, claim.volunteerId);
    wish = await loadWish(deps, input.wishId);
    const phone = (await deps.visits.volunteerContact(claim.volunteerId))?.phone;
    if (phone) await notifyOnce(deps, { key: `${wish.wishId}#expired#${claim.volunteerId}`, to: phone, text: wishSms.expired(wish.wishId), urgent: false });
  }
  await changeWish(deps, input.wishId, (w) => (w.status === 'expired' ? undefined : { status: 'expired' }), ['taskToken', 'waitingFor']);
  const phone = await gridWorkerPhone(deps, wish.gridId);
  if (phone) await notifyOnce(deps, { key: `${wish.wishId}#expired`, to: phone, text: wishSms.expired(wish.wishId), urgent: false });
  return {};
}
