import * as z from 'zod';
import { moneySchema } from '../../domain/numbers';
import { phoneSchema } from '../../domain/phone';
import { WISH_GROUPS } from '../../domain/wishes/wish';

/** `POST /v1/wishes`: a grid worker or the centre records a wish for a beneficiary. */
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
export type SubmitWishCommand = z.infer<typeof submitWishCommand>;

/** `POST /v1/wishes/{wishId}/actions` (and the SMS replies that claim or confirm). */
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
export type WishActionType = WishAction['type'];

/** `GET /v1/wishes?status=published`: anyone. */
export const publicListQuery = z
  .object({
    status: z.literal('published').default('published'),
    category: z.string().min(1).max(40).optional(),
    gridId: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(2000).optional(),
  })
  .strict();
export type PublicListQuery = z.infer<typeof publicListQuery>;
