import type { Gsi1Key, TableKey } from './table';

const partition = (elderId: string) => `ELDER#${elderId}`;

/** An elder's profile (what plans use; in the registry on GSI1 by grid) and, apart, their contact. */
export const elderKeys = {
  profile: (elderId: string): TableKey => ({ pk: partition(elderId), sk: 'PROFILE' }),
  contact: (elderId: string): TableKey => ({ pk: partition(elderId), sk: 'CONTACT' }),
  registry: 'REGISTRY#ELDER',
  inRegistry: (gridId: string, elderId: string): Gsi1Key => ({ gsi1pk: 'REGISTRY#ELDER', gsi1sk: `${gridId}#${elderId}` }),
  /** The phone-index item, keyed by the phone's digest: one elder holds a phone. */
  phone: (phoneDigest: string): TableKey => ({ pk: `EPHONE#${phoneDigest}`, sk: 'ELDER' }),
};
