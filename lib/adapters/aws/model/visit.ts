import type { Gsi1Key, Gsi2Key, TableKey } from './table';

export const VISIT_PREFIX = 'VISIT#';
const partition = (visitId: string) => `${VISIT_PREFIX}${visitId}`;

/**
 * A visit (its volunteer's visits on GSI1, its elder's on GSI2, by window start), the volunteer's block
 * it takes (one visit per volunteer per block) and its line in the week's bookings.
 */
export const visitKeys = {
  partition,
  meta: (visitId: string): TableKey => ({ pk: partition(visitId), sk: 'META' }),
  ofVolunteer: (volunteerId: string) => `VISITS#VOLUNTEER#${volunteerId}`,
  ofElder: (elderId: string) => `VISITS#ELDER#${elderId}`,
  indexes: (visit: { volunteerId: string; elderId: string; windowStart: string }): Gsi1Key & Gsi2Key => ({
    gsi1pk: `VISITS#VOLUNTEER#${visit.volunteerId}`,
    gsi1sk: visit.windowStart,
    gsi2pk: `VISITS#ELDER#${visit.elderId}`,
    gsi2sk: visit.windowStart,
  }),
  /** Window starts are ISO times: these bound a query over all of them. */
  anyWindow: { from: '0000', to: '9999' },
  slot: (volunteerId: string, windowStart: string): TableKey => ({ pk: `VSLOT#${volunteerId}`, sk: windowStart }),
  week: (weekId: string) => `WEEK#${weekId}`,
  bookedInWeek: (weekId: string, visitId: string): TableKey => ({ pk: `WEEK#${weekId}`, sk: partition(visitId) }),
};
