import type { Claim, Wish } from '../domain/wishes/wish';

export interface Beneficiary {
  name: string;
  phone?: string;
}

export interface WishStore {
  create(wish: Wish, beneficiary: Beneficiary, beneficiaryKey: string): Promise<void>;
  get(wishId: string): Promise<Wish | undefined>;
  beneficiary(wishId: string): Promise<Beneficiary | undefined>;
  /** Open wishes of the same beneficiary (by a hash of who they are), for the duplicate flag. */
  openWishesOf(beneficiaryKey: string): Promise<string[]>;
  claims(wishId: string): Promise<Claim[]>;
  /** Applies `set` if the wish is still as the caller read it (same version); `false` when it changed. */
  update(wish: Wish, set: Partial<Wish>, remove?: Array<keyof Wish>): Promise<boolean>;
  /**
   * Takes one place: the claim and the wish's count change together, only while the wish is published
   * with a place left and this volunteer holds no active claim on it. Of many claims for the last
   * place exactly one succeeds.
   */
  claim(wish: Wish, claim: Claim, fillsLastPlace: boolean): Promise<boolean>;
  /** Moves an active claim on (contacted, fulfilled) or gives its place back (released). */
  changeClaim(wish: Wish, volunteerId: string, from: Claim['status'][], to: Claim['status'], wishSet: Partial<Wish>): Promise<boolean>;
  /** Published wishes, oldest in the queue first, optionally in one grid, one page at a time. */
  published(query: { gridId?: string; category?: string; limit: number; cursor?: string }): Promise<{ items: Wish[]; cursor?: string }>;
  /** A volunteer's claims on any wish (released ones too), oldest claimed first. */
  claimsOf(volunteerId: string): Promise<Claim[]>;
  /** A grid's wishes waiting for its staff: submitted (to vet) or fulfilled (to confirm), oldest submitted first. */
  awaitingStaff(gridId: string): Promise<Wish[]>;
  /** Remembers which wish a beneficiary's phone may confirm by replying. */
  awaitConfirmationFrom(phone: string, wishId: string): Promise<void>;
  wishAwaitingConfirmationFrom(phone: string): Promise<string | undefined>;
}
