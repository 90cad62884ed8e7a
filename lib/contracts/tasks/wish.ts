import * as z from 'zod';

/**
 * What the wish and wish-claim workflows pass their tasks, one schema per task (each task is its own
 * function). They pass ids and codes only: a wish's text and its people stay in the table.
 */

/** A task that needs only the wish: reminders, rejecting, publishing, the time left, expiring, thanks. */
export const wishIdInput = z.object({ wishId: z.string().min(1) });
export type WishIdInput = z.infer<typeof wishIdInput>;

export const WISH_WAITS = ['vet', 'claimed', 'fulfilled', 'confirm'] as const;
export type WishWait = (typeof WISH_WAITS)[number];

/** A `.waitForTaskToken` step of the wish workflow: the token is stored against the wish. */
export const awaitWishInput = z.object({ wishId: z.string().min(1), step: z.enum(WISH_WAITS), taskToken: z.string().min(1) });
export type AwaitWishInput = z.infer<typeof awaitWishInput>;

/** The wish-claim workflow: one claim of one volunteer. */
export const claimInput = z.object({ wishId: z.string().min(1), volunteerId: z.string().min(1) });
export type ClaimInput = z.infer<typeof claimInput>;

export const CLAIM_CHECKS = ['contact-reminder', 'contact-deadline', 'fulfil-reminder', 'fulfil-deadline'] as const;

/** A point on a claim's clock: remind it, or release it when it lapsed. */
export const checkClaimInput = claimInput.extend({ at: z.enum(CLAIM_CHECKS) });
export type CheckClaimInput = z.infer<typeof checkClaimInput>;
