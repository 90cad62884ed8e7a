import { upToEndOf, type TableKey } from './table';

/**
 * Every outbox item's key starts so; the sender's stream filter (serverless.yml) matches INSERTs of
 * items under it whose `state` is `queued`.
 */
export const SMS_OUTBOX_PREFIX = 'SMS-OUTBOX#';

export const outboxKeys = {
  message: (key: string): TableKey => ({ pk: `${SMS_OUTBOX_PREFIX}${key}`, sk: 'SMS' }),
  /** The held list: partitioned by the UTC day quiet hours end, sorted by that moment. */
  heldOn: (day: string) => `SMS-DEFERRED#${day}`,
  held: (day: string, sendAfter: string, key: string): TableKey => ({ pk: `SMS-DEFERRED#${day}`, sk: `${sendAfter}#${key}` }),
  /** The top of the sort-key range of entries due by `nowIso`. */
  dueBy: (nowIso: string) => upToEndOf(`${nowIso}#`),
};
