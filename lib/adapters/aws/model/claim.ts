import { wishKeys } from './wish';
import type { Gsi1Key, TableKey } from './table';

/** A volunteer's claim on a wish, in the wish's partition, and on GSI1 under the volunteer's claims (newest last). */
export const claimKeys = {
  claim: (wishId: string, volunteerId: string): TableKey => ({ pk: wishKeys.partition(wishId), sk: `CLAIM#${volunteerId}` }),
  prefix: 'CLAIM#',
  claimsOf: (volunteerId: string) => `VOLUNTEER#${volunteerId}#CLAIMS`,
  ofVolunteer: (volunteerId: string, claimedAt: string, wishId: string): Gsi1Key => ({ gsi1pk: `VOLUNTEER#${volunteerId}#CLAIMS`, gsi1sk: `${claimedAt}#${wishId}` }),
};
