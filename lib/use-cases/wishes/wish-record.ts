import type { Wish } from '../../domain/wishes/wish';
import { WishMissingError } from '../../errors';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';
import { releaseClaim, type ReleaseClaimDeps } from './act';

/** A workflow task's wish: it was stored before its workflow started, so a missing one is a fault (not retried). */
export async function loadWish(deps: Pick<Ports, 'wishes'>, wishId: string): Promise<Wish> {
  const wish = await deps.wishes.get(wishId);
  if (!wish) throw new WishMissingError(wishId);
  return wish;
}

/**
 * Changes a wish on fresh data: `decide` names what to set (or `undefined` when there is nothing left
 * to do), and a write lost to another writer is tried again on what that writer left.
 */
export function changeWish(
  deps: Pick<Ports, 'wishes'>,
  wishId: string,
  decide: (wish: Wish) => Partial<Wish> | undefined,
  remove: Array<keyof Wish> = [],
): Promise<Wish> {
  return retryOnLostRace(`wish ${wishId}`, async () => {
    const wish = await loadWish(deps, wishId);
    const set = decide(wish);
    if (!set) return { done: wish };
    return (await deps.wishes.update(wish, set, remove)) ? { done: { ...wish, ...set } } : 'lost';
  });
}

/** Releases a lapsed claim on fresh data, trying again when another writer changed the wish meanwhile. */
export function releaseLapsedClaim(deps: ReleaseClaimDeps, wishId: string, volunteerId: string): Promise<'released' | 'not-active'> {
  return retryOnLostRace(`wish ${wishId}`, async () => {
    const outcome = await releaseClaim(deps, await loadWish(deps, wishId), volunteerId);
    return outcome === 'raced' ? 'lost' : { done: outcome };
  });
}
