import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Claim, Wish } from '../../domain/wishes/wish';
import type { Beneficiary, WishStore } from '../../ports/wish-store';
import { decodeCursor, encodeCursor } from './dynamo-cursor';
import { getByPhone, isConditionFailure, phoneDigest, queryAll, transactOrLose, withoutKeys, type TransactItem } from './dynamo';


/** Keyed by a hash of the phone: the key itself holds no personal data. */
const confirmKey = (phone: string) => `WISHCONFIRM#${phoneDigest(phone)}`;
const confirmKeyOf = (digest: string) => ({ pk: `WISHCONFIRM#${digest}`, sk: 'WISH' });

/** The public queue lives on GSI1 (all published) and GSI2 (published per grid) while a wish is published. */
function queueAttributes(wish: Wish, status: Wish['status'], queueKey = wish.queueKey) {
  return status === 'published' && queueKey
    ? { set: { gsi1pk: 'WISHES#PUBLISHED', gsi1sk: queueKey, gsi2pk: `WISHES#PUBLISHED#${wish.gridId}`, gsi2sk: queueKey }, remove: [] as string[] }
    : { set: {}, remove: ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] };
}

function updateExpression(set: Record<string, unknown>, remove: string[], extra: { names?: Record<string, string>; values?: Record<string, unknown>; sets?: string[] } = {}) {
  const names: Record<string, string> = { ...extra.names };
  const values: Record<string, unknown> = { ...extra.values };
  const sets = [...(extra.sets ?? [])];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = remove.map((k, i) => ((names[`#r${i}`] = k), `#r${i}`));
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export class DynamoWishStore implements WishStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private transact(items: TransactItem[]): Promise<boolean> {
    return transactOrLose(this.db, items);
  }

  async create(wish: Wish, beneficiary: Beneficiary, beneficiaryKey: string): Promise<void> {
    await this.transact([
      { Put: { TableName: this.tableName, Item: { pk: `WISH#${wish.wishId}`, sk: 'META', beneficiaryKey, ...wish }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { pk: `WISH#${wish.wishId}`, sk: 'BENEFICIARY', ...beneficiary } } },
      { Put: { TableName: this.tableName, Item: { pk: `BENEFICIARY#${beneficiaryKey}`, sk: `WISH#${wish.wishId}`, wishId: wish.wishId } } },
    ]);
  }

  async get(wishId: string): Promise<Wish | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `WISH#${wishId}`, sk: 'META' }, ConsistentRead: true }));
    return withoutKeys<Wish>(out.Item, 'beneficiaryKey');
  }

  async beneficiary(wishId: string): Promise<Beneficiary | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { pk: `WISH#${wishId}`, sk: 'BENEFICIARY' } }));
    return withoutKeys<Beneficiary>(out.Item, 'beneficiaryKey');
  }

  async openWishesOf(beneficiaryKey: string): Promise<string[]> {
    const refs = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `BENEFICIARY#${beneficiaryKey}` } });
    const wishes = await Promise.all(refs.map((r) => this.get(String(r.wishId))));
    return wishes.filter((w): w is Wish => !!w && !['confirmed', 'expired', 'rejected'].includes(w.status)).map((w) => w.wishId);
  }

  async claims(wishId: string): Promise<Claim[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': `WISH#${wishId}`, ':c': 'CLAIM#' }, ConsistentRead: true });
    return items.map((i) => withoutKeys<Claim>(i, 'beneficiaryKey')!);
  }

  async update(wish: Wish, set: Partial<Wish>, remove: Array<keyof Wish> = []): Promise<boolean> {
    const { wishId, version: expectedVersion } = wish;
    // The version condition guarantees `wish` is what is stored, so the queue keys can be derived from it.
    const queue = queueAttributes({ ...wish, ...set }, set.status ?? wish.status);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: `WISH#${wishId}`, sk: 'META' },
          ConditionExpression: '#version = :expected',
          ...updateExpression({ ...set, ...queue.set, version: expectedVersion + 1 }, [...remove.map(String), ...queue.remove], { names: { '#version': 'version' }, values: { ':expected': expectedVersion } }),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async claim(wish: Wish, claim: Claim, fillsLastPlace: boolean): Promise<boolean> {
    const status = fillsLastPlace ? 'claimed' : 'published';
    const queue = queueAttributes(wish, status);
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: `WISH#${wish.wishId}`, sk: `CLAIM#${claim.volunteerId}`, ...claim },
          // A volunteer holds at most one active claim on a wish; a released one may be taken up again.
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :released',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released' },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: `WISH#${wish.wishId}`, sk: 'META' },
          // The version pins the count this claim was computed from: whether it fills the last place
          // (and so the status it sets) is never decided on a stale read.
          ConditionExpression: '#st = :published AND claimCount < claimantsNeeded AND #version = :expected',
          ...updateExpression({ ...queue.set, status }, queue.remove, {
            names: { '#st': 'status', '#version': 'version' },
            values: { ':published': 'published', ':one': 1, ':expected': wish.version },
            sets: ['claimCount = claimCount + :one', '#version = #version + :one'],
          }),
        },
      },
    ]);
  }

  async changeClaim(wish: Wish, volunteerId: string, from: Claim['status'][], to: Claim['status'], wishSet: Partial<Wish>): Promise<boolean> {
    const status = wishSet.status ?? wish.status;
    const queue = queueAttributes({ ...wish, ...wishSet }, status);
    const counters: string[] = [];
    if (to === 'released') counters.push('claimCount = claimCount - :one');
    if (to === 'fulfilled') counters.push('fulfilledCount = fulfilledCount + :one');
    return this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: `WISH#${wish.wishId}`, sk: `CLAIM#${volunteerId}` },
          UpdateExpression: 'SET #status = :to',
          ConditionExpression: `#status IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': to, ...Object.fromEntries(from.map((f, i) => [`:f${i}`, f])) },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: `WISH#${wish.wishId}`, sk: 'META' },
          ConditionExpression: '#version = :expected',
          ...updateExpression({ ...wishSet, ...queue.set }, queue.remove, {
            names: { '#version': 'version' },
            values: { ':expected': wish.version, ':one': 1 },
            sets: [...counters, '#version = #version + :one'],
          }),
        },
      },
    ]);
  }

  async published(query: { gridId?: string; category?: string; limit: number; cursor?: string }) {
    const [index, key] = query.gridId ? ['gsi2', `WISHES#PUBLISHED#${query.gridId}`] : ['gsi1', 'WISHES#PUBLISHED'];
    const cursorScope = `${index}:${key}:${query.category ?? ''}`;
    const startKey = decodeCursor(query.cursor, cursorScope, { pk: null, sk: null, [`${index}pk`]: key, [`${index}sk`]: null });
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': key, ...(query.category ? { ':category': query.category } : {}) },
        ...(query.category ? { FilterExpression: 'category = :category' } : {}),
        Limit: query.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(cursorScope, out.LastEvaluatedKey);
    return { items: (out.Items ?? []).map((i) => withoutKeys<Wish>(i, 'beneficiaryKey')!), ...(cursor ? { cursor } : {}) };
  }

  async awaitConfirmationFrom(phone: string, wishId: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { pk: confirmKey(phone), sk: 'WISH', wishId } }));
  }

  async wishAwaitingConfirmationFrom(phone: string): Promise<string | undefined> {
    return (await getByPhone(this.db, this.tableName, phone, confirmKeyOf))?.wishId as string | undefined;
  }

  async credit(wishId: string, volunteerId: string, points: number, at: string): Promise<boolean> {
    return this.transact([
      { Put: { TableName: this.tableName, Item: { pk: `POINTS#wish#${wishId}#${volunteerId}`, sk: 'POINTS', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { pk: `LEDGER#${volunteerId}`, sk: `${at}#wish#${wishId}`, ref: wishId, points, reason: 'micro-wish', at } } },
    ]);
  }
}
