import { z } from 'zod';
import { moneySchema } from '../numbers';
import { phoneSchema } from '../phone';
import { maskPersonalNumbers } from '../redact';

export const WISH_STATUSES = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'expired', 'rejected', 'withdrawn'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];
export const WISH_GROUPS = ['elder', 'child', 'hardship'] as const;
export type WishGroup = (typeof WISH_GROUPS)[number];
export type ClaimStatus = 'claimed' | 'contacted' | 'fulfilled' | 'released';

export const submitWishCommand = z
  .object({
    beneficiary: z.object({ name: z.string().trim().min(1).max(50), phone: phoneSchema.optional(), gridId: z.string().min(1).max(64) }).strict(),
    group: z.enum(WISH_GROUPS),
    category: z.string().trim().min(1).max(40),
    title: z.string().trim().min(2).max(40),
    description: z.string().trim().min(2).max(500),
    estimatedCost: moneySchema(100000).optional(),
    claimantsNeeded: z.number().int().min(1).max(20).default(1),
    /** Days from publication until the wish must be fulfilled. */
    daysToFulfil: z.number().int().min(3).max(180).default(30),
  })
  .strict();

export const wishActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('vet'), approved: z.boolean(), note: z.string().trim().min(1).max(500) }).strict(),
  z.object({ type: z.literal('claim') }).strict(),
  z.object({ type: z.literal('contact'), note: z.string().trim().max(500).optional() }).strict(),
  z.object({ type: z.literal('fulfil'), note: z.string().trim().min(1).max(500) }).strict(),
  z.object({ type: z.literal('confirm'), note: z.string().trim().max(500).optional() }).strict(),
  z.object({ type: z.literal('release'), reason: z.string().trim().max(500).optional() }).strict(),
  z.object({ type: z.literal('withdraw'), reason: z.string().trim().min(1).max(500) }).strict(),
]);
export type WishAction = z.infer<typeof wishActionSchema>;

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
