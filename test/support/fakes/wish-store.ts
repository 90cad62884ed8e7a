import type { Claim, Wish } from '../../../lib/domain/wishes/wish';
import { ValidationError } from '../../../lib/errors';
import type { Beneficiary, WishStore } from '../../../lib/ports/wish-store';
import { copy } from './copy';
import { phoneKey } from './phone-key';

/** Statuses in which a beneficiary's wish no longer counts as open (for the duplicate flag). */
const NOT_OPEN: Wish['status'][] = ['confirmed', 'expired', 'rejected'];

interface StoredWish {
  wish: Wish;
  beneficiary: Beneficiary;
  beneficiaryKey: string;
  /** By volunteer id. */
  claims: Map<string, Claim>;
  /**
   * On the public queue: set by the changes that publish (as the adapter sets its queue index on
   * update, claim and claim changes), never by the creation itself, which stores a wish as submitted.
   */
  queued: boolean;
}

/**
 * Wishes with their beneficiary and claims. Claiming and moving a claim change the claim and the wish
 * together, conditional on the wish's version, as the adapter's transactions do; the public queue is
 * every published wish with a queue key, in queue-key order, paged with an opaque cursor.
 */
export class FakeWishStore implements WishStore {
  readonly wishes = new Map<string, StoredWish>();
  readonly confirmations = new Map<string, string>();

  async create(wish: Wish, beneficiary: Beneficiary, beneficiaryKey: string): Promise<void> {
    // As the adapter: a wish id already taken leaves the stored wish as it was.
    if (this.wishes.has(wish.wishId)) return;
    this.wishes.set(wish.wishId, { wish: copy(wish), beneficiary: copy(beneficiary), beneficiaryKey, claims: new Map(), queued: false });
  }

  async get(wishId: string): Promise<Wish | undefined> {
    return copy(this.wishes.get(wishId)?.wish);
  }

  async beneficiary(wishId: string): Promise<Beneficiary | undefined> {
    return copy(this.wishes.get(wishId)?.beneficiary);
  }

  async openWishesOf(beneficiaryKey: string): Promise<string[]> {
    return [...this.wishes.values()]
      .filter((w) => w.beneficiaryKey === beneficiaryKey && !NOT_OPEN.includes(w.wish.status))
      .map((w) => w.wish.wishId)
      .sort();
  }

  async claims(wishId: string): Promise<Claim[]> {
    const claims = this.wishes.get(wishId)?.claims ?? new Map<string, Claim>();
    return copy([...claims.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c));
  }

  async update(wish: Wish, set: Partial<Wish>, remove: Array<keyof Wish> = []): Promise<boolean> {
    const stored = this.wishes.get(wish.wishId);
    if (!stored || stored.wish.version !== wish.version) return false;
    this.apply(stored, set, remove);
    return true;
  }

  async claim(wish: Wish, claim: Claim, fillsLastPlace: boolean): Promise<boolean> {
    const stored = this.wishes.get(wish.wishId);
    if (!stored) return false;
    const existing = stored.claims.get(claim.volunteerId);
    const current = stored.wish;
    if ((existing && existing.status !== 'released') || current.status !== 'published' || current.claimCount >= current.claimantsNeeded || current.version !== wish.version) return false;
    stored.claims.set(claim.volunteerId, copy(claim));
    current.claimCount += 1;
    this.apply(stored, { status: fillsLastPlace ? 'claimed' : 'published' });
    return true;
  }

  async changeClaim(wish: Wish, volunteerId: string, from: Claim['status'][], to: Claim['status'], wishSet: Partial<Wish>): Promise<boolean> {
    const stored = this.wishes.get(wish.wishId);
    const claim = stored?.claims.get(volunteerId);
    if (!stored || !claim || !from.includes(claim.status) || stored.wish.version !== wish.version) return false;
    claim.status = to;
    if (to === 'released') stored.wish.claimCount -= 1;
    if (to === 'fulfilled') stored.wish.fulfilledCount += 1;
    this.apply(stored, wishSet);
    return true;
  }

  async published(query: { gridId?: string; category?: string; limit: number; cursor?: string }): Promise<{ items: Wish[]; cursor?: string }> {
    const scope = `${query.gridId ?? ''}:${query.category ?? ''}`;
    const queue = [...this.wishes.values()]
      .filter((w) => w.queued)
      .map((w) => w.wish)
      .filter((w) => !query.gridId || w.gridId === query.gridId)
      .sort((a, b) => (`${a.queueKey}#${a.wishId}` < `${b.queueKey}#${b.wishId}` ? -1 : 1));
    const after = this.decodeCursor(query.cursor, scope);
    const rest = after === undefined ? queue : queue.filter((w) => `${w.queueKey}#${w.wishId}` > after);
    // As a DynamoDB query with a filter: the limit counts wishes read, the category filter applies after.
    const page = rest.slice(0, query.limit);
    const items = page.filter((w) => !query.category || w.category === query.category);
    const last = page.at(-1);
    return { items: copy(items), ...(rest.length > query.limit && last ? { cursor: Buffer.from(JSON.stringify({ scope, after: `${last.queueKey}#${last.wishId}` })).toString('base64url') } : {}) };
  }

  async claimsOf(volunteerId: string): Promise<Claim[]> {
    const mine = [...this.wishes.values()].flatMap((w) => [...w.claims.values()].filter((c) => c.volunteerId === volunteerId));
    return copy(mine.sort((a, b) => (`${a.claimedAt}#${a.wishId}` < `${b.claimedAt}#${b.wishId}` ? -1 : 1)));
  }

  async awaitingStaff(gridId: string): Promise<Wish[]> {
    const waiting = [...this.wishes.values()].map((w) => w.wish).filter((w) => w.gridId === gridId && (w.status === 'submitted' || w.status === 'fulfilled'));
    return copy(waiting.sort((a, b) => (`${a.submittedAt}#${a.wishId}` < `${b.submittedAt}#${b.wishId}` ? -1 : 1)));
  }

  async awaitConfirmationFrom(phone: string, wishId: string): Promise<void> {
    this.confirmations.set(phoneKey(phone), wishId);
  }

  async wishAwaitingConfirmationFrom(phone: string): Promise<string | undefined> {
    return this.confirmations.get(phoneKey(phone));
  }

  private apply(stored: StoredWish, set: Partial<Wish>, remove: Array<keyof Wish> = []): void {
    const { version: _version, wishId: _wishId, ...fields } = copy(set);
    const version = stored.wish.version;
    Object.assign(stored.wish, fields);
    for (const field of remove) delete stored.wish[field];
    stored.wish.version = version + 1;
    stored.queued = stored.wish.status === 'published' && stored.wish.queueKey !== undefined;
  }

  /** The position a cursor this fake gave for the same query stands for; anything else is a 400 as with the adapter. */
  private decodeCursor(cursor: string | undefined, scope: string): string | undefined {
    if (cursor === undefined) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { scope?: unknown; after?: unknown };
      if (parsed.scope === scope && typeof parsed.after === 'string') return parsed.after;
    } catch {
      // Not a cursor of ours: refused below.
    }
    throw new ValidationError('分页游标无效', { cursor: '无效或不属于本查询的游标，请从第一页重新获取' });
  }
}
