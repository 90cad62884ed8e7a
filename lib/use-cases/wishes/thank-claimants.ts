import { toShanghaiIso } from '../../domain/case';
import { POINTS_PER_WISH } from '../../domain/wishes/wish';
import { wishSms } from '../../domain/wishes/wish-sms';
import type { WishIdInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';

export type ThankClaimantsDeps = Pick<Ports, 'wishes' | 'visits' | 'ledger' | 'outbox' | 'clock'>;

/** Confirmed: every claimant who fulfilled it is credited (once each) and thanked. */
export async function thankClaimants(deps: ThankClaimantsDeps, input: WishIdInput): Promise<{ credited: number }> {
  const now = toShanghaiIso(deps.clock.now());
  let credited = 0;
  for (const claim of (await deps.wishes.claims(input.wishId)).filter((c) => c.status === 'fulfilled')) {
    if (await deps.ledger.creditWish({ wishId: input.wishId, volunteerId: claim.volunteerId, points: POINTS_PER_WISH, at: now })) credited += 1;
    const phone = (await deps.visits.volunteerContact(claim.volunteerId))?.phone;
    if (phone) await notifyOnce(deps, { key: `${input.wishId}#thanks#${claim.volunteerId}`, to: phone, text: wishSms.thanks(input.wishId, POINTS_PER_WISH), urgent: false });
  }
  return { credited };
}
