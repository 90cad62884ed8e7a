import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HeldSms, OutgoingSms, SmsOutbox, SmsOutcome } from '../../ports/messaging';
import { isConditionFailure, transactOrLose, writeOrLose, type TransactItem } from './dynamo';
import { outboxKeys } from './model/outbox';

/** Outbox items are kept 90 days (long past any redelivery), then expire by TTL. */
const KEEP_SECONDS = 90 * 24 * 3600;
/**
 * How long a flush's claim on a held message stands: longer than the sender function's timeout (60 s),
 * so a run that is still alive always records before another may take its message over.
 */
const FLUSH_LEASE_SECONDS = 120;

/** Held entries are partitioned by the UTC day quiet hours end for them; the flush reads yesterday's and today's. */
const dayOf = (iso: string) => iso.slice(0, 10);
const heldKey = (held: Pick<HeldSms, 'key' | 'sendAfter'>) => outboxKeys.held(dayOf(held.sendAfter), held.sendAfter, held.key);

const optional = (message: OutgoingSms) => ({
  ...(message.staleAt ? { staleAt: message.staleAt } : {}),
  ...(message.audience ? { audience: message.audience } : {}),
});

/**
 * The Put that queues a message, for a store that writes it in the transaction of the change that
 * causes it (a case's creation). Conditional, so a key is queued once: a repeat cancels the transaction.
 */
export function outboxPut(tableName: string, message: OutgoingSms, at: Date): TransactItem {
  const atSeconds = Math.floor(at.getTime() / 1000);
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...outboxKeys.message(message.key),
        state: 'queued',
        key: message.key,
        to: message.to,
        text: message.text,
        urgent: message.urgent,
        ...optional(message),
        queuedAt: at.toISOString(),
        expiresAt: atSeconds + KEEP_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * One item per business key (`SMS-OUTBOX#<key>`), moving queued → sending → sent or dropped, or
 * queued → sending → held → sending → sent or dropped across quiet hours. A held message also has an
 * entry on the held list (`SMS-DEFERRED#<day>`), written and removed in the same transactions. A
 * settled item keeps no phone number or text, only its outcome.
 */
export class DynamoSmsOutbox implements SmsOutbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async enqueue(message: OutgoingSms, at: Date): Promise<boolean> {
    const { Put } = outboxPut(this.tableName, message, at);
    return writeOrLose(this.db.send(new PutCommand(Put!)));
  }

  async claim(key: string, from: 'queued' | 'held', now: Date): Promise<'claimed' | 'resumed' | 'done' | 'busy'> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    // A held entry may predate the outbox (written by the previous sender before an upgrade): the
    // claim then creates its item, so it is recorded like any other.
    const condition =
      from === 'queued'
        ? '#state = :queued OR (#state = :sending AND via = :from)'
        : 'attribute_not_exists(pk) OR #state = :held OR (#state = :sending AND via = :from AND leaseUntil < :now)';
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKeys.message(key),
          UpdateExpression: 'SET #state = :sending, via = :from, leaseUntil = :lease, expiresAt = if_not_exists(expiresAt, :expires)',
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':from': from,
            ':lease': nowSeconds + FLUSH_LEASE_SECONDS,
            ':expires': nowSeconds + KEEP_SECONDS,
            ...(from === 'queued' ? { ':queued': 'queued' } : { ':held': 'held', ':now': nowSeconds }),
          },
          ReturnValues: 'UPDATED_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return out.Attributes?.state === 'sending' ? 'resumed' : 'claimed';
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const state = (err as { Item?: { state?: { S?: string } } }).Item?.state?.S;
      return from === 'held' && state === 'sending' ? 'busy' : 'done';
    }
  }

  async hold(message: OutgoingSms, until: Date): Promise<boolean> {
    const held: HeldSms = { ...message, sendAfter: until.toISOString() };
    return transactOrLose(this.db, [
      {
        Update: {
          TableName: this.tableName,
          Key: outboxKeys.message(message.key),
          UpdateExpression: 'SET #state = :held, heldUntil = :until REMOVE via, leaseUntil',
          ConditionExpression: '#state = :sending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':held': 'held', ':sending': 'sending', ':until': held.sendAfter },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...heldKey(held), key: held.key, to: held.to, text: held.text, ...optional(held), sendAfter: held.sendAfter },
        },
      },
    ]);
  }

  async dueHeld(now: Date): Promise<HeldSms[]> {
    const nowIso = now.toISOString();
    const days = [dayOf(new Date(now.getTime() - 86400_000).toISOString()), dayOf(nowIso)];
    const out: HeldSms[] = [];
    for (const day of days) {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk <= :now',
          ExpressionAttributeValues: { ':pk': outboxKeys.heldOn(day), ':now': outboxKeys.dueBy(nowIso) },
          ConsistentRead: true,
        }),
      );
      for (const item of res.Items ?? []) {
        out.push({
          key: String(item.key),
          to: String(item.to),
          text: String(item.text),
          // Quiet hours never hold an urgent message.
          urgent: false,
          sendAfter: String(item.sendAfter),
          ...(typeof item.staleAt === 'string' ? { staleAt: item.staleAt } : {}),
          ...(item.audience === 'resident' || item.audience === 'staff' ? { audience: item.audience } : {}),
        });
      }
    }
    return out;
  }

  async finish(key: string, outcome: SmsOutcome, at: Date, held?: HeldSms): Promise<boolean> {
    const detail = 'sent' in outcome ? { ':state': 'sent', ':detail': outcome.sent } : { ':state': 'dropped', ':detail': outcome.dropped };
    return transactOrLose(this.db, [
      {
        Update: {
          TableName: this.tableName,
          Key: outboxKeys.message(key),
          // The number and the text (a tracking code, say) are no longer needed once the outcome is known.
          UpdateExpression: `SET #state = :state, ${'sent' in outcome ? 'messageId' : 'droppedBecause'} = :detail, settledAt = :at REMOVE #to, #text, via, leaseUntil`,
          ConditionExpression: '#state = :sending',
          ExpressionAttributeNames: { '#state': 'state', '#to': 'to', '#text': 'text' },
          ExpressionAttributeValues: { ...detail, ':at': at.toISOString(), ':sending': 'sending' },
        },
      },
      ...(held ? [{ Delete: { TableName: this.tableName, Key: heldKey(held) } }] : []),
    ]);
  }

  async release(key: string, to: 'queued' | 'held'): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKeys.message(key),
          UpdateExpression: 'SET #state = :to REMOVE via, leaseUntil',
          ConditionExpression: '#state = :sending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':to': to, ':sending': 'sending' },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async forget(held: HeldSms): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: heldKey(held) }));
  }
}
