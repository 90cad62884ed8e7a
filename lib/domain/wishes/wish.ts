import { maskPersonalNumbers } from '../redact';

export const WISH_STATUSES = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'expired', 'rejected', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
export const WISH_GROUPS = ['elder', 'child', 'hardship'] as const;
export type WishGroup = (typeof WISH_GROUPS)[number];
export type ClaimStatus = 'claimed' | 'contacted' | 'fulfilled' | 'released';

export interface Wish {
  wishId: string;
  status: WishStatus;
  group: WishGroup;
  category: string;
  title: string;
  description: string;
  gridId: string;
  estimatedCost?: number;
  claimantsNeeded: number;
  claimCount: number;
  fulfilledCount: number;
  daysToFulfil: number;
  submittedAt: string;
  publishedAt?: string;
  deadline?: string;
  /** Orders the public list and matching: a wish returned by a lapsed claim goes to the front. */
  queueKey?: string;
  possibleDuplicateOf?: string;
  /** The human step the wish workflow waits on, with its token (never leaves the store). */
  waitingFor?: 'vet' | 'claimed' | 'fulfilled' | 'confirm';
  taskToken?: string;
  vetNote?: string;
  /** The vetting decision, recorded even before the workflow waits for it (its wait then takes it). */
  vetDecision?: { approved: boolean; fingerprint: string };
  version: number;
}

export interface Claim {
  wishId: string;
  volunteerId: string;
  status: ClaimStatus;
  claimedAt: string;
  /** Counts this volunteer's claims on the wish: a released claim taken up again is a new one. */
  seq: number;
  note?: string;
}

/** Points a confirmed wish earns each claimant, once. */
export const POINTS_PER_WISH = 15;
export const CONTACT_WITHIN_DAYS = 7;

/** What the public sees of a wish: no name, phone or address of the beneficiary. */
/** What anyone may read about a published wish: no name, phone or address, and none typed into its title. */
export function publicView(w: Wish) {
  return {
    wishId: w.wishId,
    status: w.status,
    group: w.group,
    category: w.category,
    title: maskPersonalNumbers(w.title),
    gridId: w.gridId,
    claimantsNeeded: w.claimantsNeeded,
    placesLeft: Math.max(0, w.claimantsNeeded - w.claimCount),
    ...(w.estimatedCost !== undefined ? { estimatedCost: w.estimatedCost } : {}),
    ...(w.deadline ? { deadline: w.deadline } : {}),
    ...(w.publishedAt ? { publishedAt: w.publishedAt } : {}),
  };
}
