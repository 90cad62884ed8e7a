import type { Gsi1Key, Gsi2Key, TableKey } from './table';

export const WISH_PREFIX = 'WISH#';
const partition = (wishId: string) => `${WISH_PREFIX}${wishId}`;

/**
 * A wish and its beneficiary (apart), the beneficiary's list of wishes (by a hash of who they are), the
 * confirm-by-reply pointer (by the phone's digest) and, while published, its place in the public queue
 * on GSI1 (all) and GSI2 (per grid), ordered by the wish's queue key (lib/domain/wishes/queue-key.ts);
 * while it waits for its grid's staff (to be vetted, to be confirmed), on GSI2 under its grid's
 * waiting list, oldest submitted first.
 */
export const wishKeys = {
  partition,
  meta: (wishId: string): TableKey => ({ pk: partition(wishId), sk: 'META' }),
  beneficiary: (wishId: string): TableKey => ({ pk: partition(wishId), sk: 'BENEFICIARY' }),
  beneficiaryWishes: (beneficiaryKey: string) => `BENEFICIARY#${beneficiaryKey}`,
  ofBeneficiary: (beneficiaryKey: string, wishId: string): TableKey => ({ pk: `BENEFICIARY#${beneficiaryKey}`, sk: partition(wishId) }),
  awaitingConfirmation: (phoneDigest: string): TableKey => ({ pk: `WISHCONFIRM#${phoneDigest}`, sk: 'WISH' }),
  published: 'WISHES#PUBLISHED',
  publishedIn: (gridId: string) => `WISHES#PUBLISHED#${gridId}`,
  inPublicQueue: (gridId: string, queueKey: string): Gsi1Key & Gsi2Key => ({
    gsi1pk: 'WISHES#PUBLISHED',
    gsi1sk: queueKey,
    gsi2pk: `WISHES#PUBLISHED#${gridId}`,
    gsi2sk: queueKey,
  }),
  awaitingStaffIn: (gridId: string) => `WISHES#AWAITING#${gridId}`,
  awaitingStaff: (gridId: string, submittedAt: string, wishId: string): Gsi2Key => ({ gsi2pk: `WISHES#AWAITING#${gridId}`, gsi2sk: `${submittedAt}#${wishId}` }),
};
