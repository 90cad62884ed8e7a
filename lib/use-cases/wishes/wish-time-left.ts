import type { WishIdInput } from '../../contracts/tasks/wish';
import type { Ports } from '../ports';
import { loadWish } from './wish-record';

export type WishTimeLeftDeps = Pick<Ports, 'wishes' | 'clock'>;

/** How long the next wait may last: until the wish's deadline, at least a minute (a wait of 0 is refused). */
export async function wishTimeLeft(deps: WishTimeLeftDeps, input: WishIdInput): Promise<{ seconds: number }> {
  const wish = await loadWish(deps, input.wishId);
  return { seconds: Math.max(60, Math.round((Date.parse(wish.deadline!) - deps.clock.now().getTime()) / 1000)) };
}
