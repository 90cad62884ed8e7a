import { shortLocalTime } from '../../domain/sms-text';
import { wishSms } from '../../domain/wishes/wish-sms';
import type { CheckClaimInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { loadWish, releaseLapsedClaim } from './wish-record';

export type CheckClaimDeps = Pick<Ports, 'wishes' | 'workflows' | 'visits' | 'outbox' | 'clock'>;

/**
 * A point on a claim's clock: reminds the claimant (contact, fulfilment) while the claim is active, and
 * releases a claim with no contact by the contact deadline or not fulfilled by the wish's deadline.
 */
export async function checkClaim(deps: CheckClaimDeps, input: CheckClaimInput): Promise<{ active: boolean; contacted: boolean }> {
  const wish = await loadWish(deps, input.wishId);
  const claim = (await deps.wishes.claims(input.wishId)).find((c) => c.volunteerId === input.volunteerId);
  const open = wish.status === 'published' || wish.status === 'claimed';
  const active = open && claim !== undefined && (claim.status === 'claimed' || claim.status === 'contacted');
  if (!active) return { active: false, contacted: claim?.status === 'fulfilled' };
  const phone = (await deps.visits.volunteerContact(input.volunteerId))?.phone;
  const contacted = claim.status === 'contacted';
  const send = async (kind: string, text: string, staleAt?: string) => {
    if (phone) await notifyOnce(deps, { key: `${wish.wishId}#${input.volunteerId}#${claim.seq}#${kind}`, to: phone, text, urgent: false, ...(staleAt ? { staleAt } : {}) });
  };
  switch (input.at) {
    case 'contact-reminder':
      if (!contacted) await send('contact-reminder', wishSms.contactReminder(wish.wishId));
      return { active: true, contacted };
    case 'fulfil-reminder':
      await send('fulfil-reminder', wishSms.fulfilReminder(wish.wishId, shortLocalTime(new Date(wish.deadline!))), wish.deadline);
      return { active: true, contacted };
    case 'contact-deadline':
      if (contacted) return { active: true, contacted };
    // falls through: no contact within the time is a lapsed claim, like one unfulfilled at the deadline
    case 'fulfil-deadline': {
      if ((await releaseLapsedClaim(deps, input.wishId, input.volunteerId)) === 'released') await send('released', wishSms.released(wish.wishId));
      return { active: false, contacted };
    }
  }
}
