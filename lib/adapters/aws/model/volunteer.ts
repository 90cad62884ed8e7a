import type { Gsi1Key, TableKey } from './table';

const partition = (volunteerId: string) => `VOLUNTEER#${volunteerId}`;

/** A volunteer's profile (in the registry on GSI1 by grid), contact, phone index and SMS check-in pointer. */
export const volunteerKeys = {
  profile: (volunteerId: string): TableKey => ({ pk: partition(volunteerId), sk: 'PROFILE' }),
  contact: (volunteerId: string): TableKey => ({ pk: partition(volunteerId), sk: 'CONTACT' }),
  registry: 'REGISTRY#VOLUNTEER',
  inRegistry: (gridId: string, volunteerId: string): Gsi1Key => ({ gsi1pk: 'REGISTRY#VOLUNTEER', gsi1sk: `${gridId}#${volunteerId}` }),
  /** The phone-index item, keyed by the phone's digest: one volunteer holds a phone. */
  phone: (phoneDigest: string): TableKey => ({ pk: `VPHONE#${phoneDigest}`, sk: 'VOLUNTEER' }),
  /** Which visit the volunteer's phone checks in to by SMS now. */
  checkIn: (volunteerId: string): TableKey => ({ pk: `CHECKIN#${volunteerId}`, sk: 'CHECKIN' }),
};
