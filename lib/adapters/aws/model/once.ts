import type { TableKey } from './table';

/** The record of a side effect done once, by its business key (`visitId#reminder-24h`). */
export const onceKey = (key: string): TableKey => ({ pk: `ONCE#${key}`, sk: 'ONCE' });
