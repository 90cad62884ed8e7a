import type { WishStore } from '../../ports/wish-store';
import type { VisitDeps } from '../visits/deps';

/** Wishes reach volunteers (visit registry) and grid workers (reference data) and credit the same ledger. */
export interface WishDeps extends VisitDeps {
  wishes: WishStore;
}
