import type { TableKey } from './table';

/**
 * The points ledger: one partition per volunteer, entries sorted by when they were earned. Each credit
 * also has a marker item whose condition makes it once-only (per visit; per wish and claimant).
 */
export const ledgerKeys = {
  partition: (volunteerId: string) => `LEDGER#${volunteerId}`,
  visitEntry: (volunteerId: string, at: string, visitId: string): TableKey => ({ pk: `LEDGER#${volunteerId}`, sk: `${at}#visit#${visitId}` }),
  wishEntry: (volunteerId: string, at: string, wishId: string): TableKey => ({ pk: `LEDGER#${volunteerId}`, sk: `${at}#wish#${wishId}` }),
  visitMarker: (visitId: string): TableKey => ({ pk: `POINTS#visit#${visitId}`, sk: 'POINTS' }),
  wishMarker: (wishId: string, volunteerId: string): TableKey => ({ pk: `POINTS#wish#${wishId}#${volunteerId}`, sk: 'POINTS' }),
};
