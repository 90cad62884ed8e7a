import { toShanghaiIso } from '../../domain/case';
import { CONTACT_WITHIN_DAYS } from '../../domain/wishes/wish';
import type { ClaimInput } from '../../contracts/tasks/wish';
import type { Ports } from '../ports';
import { loadWish } from './wish-record';

export type PlanClaimDeps = Pick<Ports, 'wishes' | 'clock'>;

export interface ClaimPlan {
  contactReminderAt: string;
  contactDeadlineAt: string;
  fulfilReminderAt: string;
  fulfilDeadlineAt: string;
}

/**
 * When the wish-claim workflow wakes: contact is due within CONTACT_WITHIN_DAYS of the claim (reminded
 * two days before), fulfilment by the wish's deadline (reminded two days before); never past the deadline.
 */
export async function planClaim(deps: PlanClaimDeps, input: ClaimInput): Promise<ClaimPlan> {
  const wish = await loadWish(deps, input.wishId);
  const claim = (await deps.wishes.claims(input.wishId)).find((c) => c.volunteerId === input.volunteerId);
  const claimedAt = Date.parse(claim?.claimedAt ?? toShanghaiIso(deps.clock.now()));
  const deadline = Date.parse(wish.deadline!);
  const at = (ms: number) => new Date(Math.min(ms, deadline)).toISOString();
  return {
    contactReminderAt: at(claimedAt + (CONTACT_WITHIN_DAYS - 2) * 86400_000),
    contactDeadlineAt: at(claimedAt + CONTACT_WITHIN_DAYS * 86400_000),
    fulfilReminderAt: new Date(Math.max(claimedAt, deadline - 2 * 86400_000)).toISOString(),
    fulfilDeadlineAt: new Date(deadline).toISOString(),
  };
}
