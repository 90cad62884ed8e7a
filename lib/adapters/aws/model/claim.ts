import { wishKeys } from './wish';
import type { TableKey } from './table';

/** A volunteer's claim on a wish, in the wish's partition. */
export const claimKeys = {
  claim: (wishId: string, volunteerId: string): TableKey => ({ pk: wishKeys.partition(wishId), sk: `CLAIM#${volunteerId}` }),
  prefix: 'CLAIM#',
};
