import { upToEndOf, type TableKey } from './table';

/** One counter item per dimension, day and key (`METRIC#grid`, `2026-11-23#G01`). */
export const metricKeys = {
  partition: (dimension: string) => `METRIC#${dimension}`,
  counter: (dimension: string, day: string, key: string): TableKey => ({ pk: `METRIC#${dimension}`, sk: `${day}#${key}` }),
  /** Sort-key bounds taking every key of the days `fromDay` to `toDay`, both included. */
  days: (fromDay: string, toDay: string) => ({ from: `${fromDay}#`, to: upToEndOf(`${toDay}#`) }),
};
