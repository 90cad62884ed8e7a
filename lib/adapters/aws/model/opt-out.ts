import type { TableKey } from './table';

/** A number that answered 退订, keyed by the phone's digest: the key holds no personal data. */
export const optOutKey = (phoneDigest: string): TableKey => ({ pk: `SMS-OPT-OUT#${phoneDigest}`, sk: 'OPT-OUT' });
