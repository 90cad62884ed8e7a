import type { Gsi1Key, TableKey } from './table';

/** A case's partition holds its record, contact, events, steps, followers and repair items. */
export const CASE_PREFIX = 'CASE#';
const partition = (caseId: string) => `${CASE_PREFIX}${caseId}`;

export const caseKeys = {
  partition,
  meta: (caseId: string): TableKey => ({ pk: partition(caseId), sk: 'META' }),
  contact: (caseId: string): TableKey => ({ pk: partition(caseId), sk: 'CONTACT' }),
  /** Events sort by the case version they produced: one event per state change, in order. */
  event: (caseId: string, version: number): TableKey => ({ pk: partition(caseId), sk: `EVENT#${String(version).padStart(6, '0')}` }),
  eventPrefix: 'EVENT#',
  follower: (caseId: string, followerCaseId: string): TableKey => ({ pk: partition(caseId), sk: `FOLLOWER#${followerCaseId}` }),
  followerPrefix: 'FOLLOWER#',
  /** GSI1 while the case is open, for duplicate detection: open cases of one grid and category, by receipt. */
  openIndex: (gridId: string, category: string) => `OPEN#${gridId}#${category}`,
  inOpenIndex: (gridId: string, category: string, createdAt: string): Gsi1Key => ({ gsi1pk: `OPEN#${gridId}#${category}`, gsi1sk: createdAt }),
  /** Keyed by the phone's digest (never the number): which case that phone is asked to rate. */
  awaitingRating: (phoneDigest: string): TableKey => ({ pk: `RATING#${phoneDigest}`, sk: 'RATING' }),
};

/** A client's Idempotency-Key on case creation, bound to the case it created. */
export const idempotencyKey = (key: string): TableKey => ({ pk: `IDEMPOTENCY#${key}`, sk: 'IDEMPOTENCY' });
