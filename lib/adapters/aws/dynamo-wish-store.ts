import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Claim, Wish } from '../../domain/wishes/wish';
import type { Beneficiary, WishStore } from '../../ports/wish-store';
import { decodeCursor, encodeCursor } from './dynamo-cursor';
import { getByPhone, phoneDigest, queryAll, transactOrLose, withoutKeys, writeOrLose, type TransactItem } from './dynamo';
import { claimKeys } from './model/claim';
import { GSI1_ATTRIBUTES, GSI2_ATTRIBUTES } from './model/table';
import { wishKeys } from './model/wish';
import { versionedUpdate } from './versioned-update';

const AWAITING_STAFF: Wish['status'][] = ['submitted', 'fulfilled'];

/**
 * The public queue lives on GSI1 (all published) and GSI2 (published per grid) while a wish is published;
 * a wish waiting for its grid's staff (submitted, fulfilled) is on GSI2 under the grid's waiting list.
 */
function queueAttributes(wish: Wish, status: Wish['status'], queueKey = wish.queueKey) {
  if (status === 'published' && queueKey) return { set: wishKeys.inPublicQueue(wish.gridId, queueKey), remove: [] as string[] };
  if (AWAITING_STAFF.includes(status)) return { set: wishKeys.awaitingStaff(wish.gridId, wish.submittedAt, wish.wishId), remove: [...GSI1_ATTRIBUTES] };
  return { set: {}, remove: [...GSI1_ATTRIBUTES, ...GSI2_ATTRIBUTES] };
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
      { Put: { TableName: this.tableName, Item: { ...wishKeys.meta(wish.wishId), ...(AWAITING_STAFF.includes(wish.status) ? wishKeys.awaitingStaff(wish.gridId, wish.submittedAt, wish.wishId) : {}), beneficiaryKey, ...wish }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...wishKeys.beneficiary(wish.wishId), ...beneficiary } } },
      { Put: { TableName: this.tableName, Item: { ...wishKeys.ofBeneficiary(beneficiaryKey, wish.wishId), wishId: wish.wishId } } },
    ]);
  }

  async get(wishId: string): Promise<Wish | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: wishKeys.meta(wishId), ConsistentRead: true }));
    return withoutKeys<Wish>(out.Item, 'beneficiaryKey');
  }

  async beneficiary(wishId: string): Promise<Beneficiary | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: wishKeys.beneficiary(wishId) }));
    return withoutKeys<Beneficiary>(out.Item, 'beneficiaryKey');
  }

  async openWishesOf(beneficiaryKey: string): Promise<string[]> {
    const refs = await queryAll(this.db, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': wishKeys.beneficiaryWishes(beneficiaryKey) } });
    const wishes = await Promise.all(refs.map((r) => this.get(String(r.wishId))));
    return wishes.filter((w): w is Wish => !!w && !['confirmed', 'expired', 'rejected'].includes(w.status)).map((w) => w.wishId);
  }

  async claims(wishId: string): Promise<Claim[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': wishKeys.partition(wishId), ':c': claimKeys.prefix },
      ConsistentRead: true,
    });
    return items.map((i) => withoutKeys<Claim>(i, 'beneficiaryKey')!);
  }

  update(wish: Wish, set: Partial<Wish>, remove: Array<keyof Wish> = []): Promise<boolean> {
    // The version condition guarantees `wish` is what is stored, so the queue keys can be derived from it.
    const queue = queueAttributes({ ...wish, ...set }, set.status ?? wish.status);
    return writeOrLose(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: wishKeys.meta(wish.wishId),
          ...versionedUpdate({ expectedVersion: wish.version, set: { ...set, ...queue.set }, remove: [...remove, ...queue.remove] }),
        }),
      ),
    );
  }

  async claim(wish: Wish, claim: Claim, fillsLastPlace: boolean): Promise<boolean> {
    const status = fillsLastPlace ? 'claimed' : 'published';
    const queue = queueAttributes(wish, status);
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.claim(wish.wishId, claim.volunteerId), ...claimKeys.ofVolunteer(claim.volunteerId, claim.claimedAt, wish.wishId), ...claim },
          // A volunteer holds at most one active claim on a wish; a released one may be taken up again.
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :released',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released' },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: wishKeys.meta(wish.wishId),
          // The version pins the count this claim was computed from: whether it fills the last place
          // (and so the status it sets) is never decided on a stale read.
          ...versionedUpdate({
            expectedVersion: wish.version,
            set: { ...queue.set, status },
            add: { claimCount: 1 },
            remove: queue.remove,
            when: { expression: '#st = :published AND claimCount < claimantsNeeded', names: { '#st': 'status' }, values: { ':published': 'published' } },
          }),
        },
      },
    ]);
  }

  async changeClaim(wish: Wish, volunteerId: string, from: Claim['status'][], to: Claim['status'], wishSet: Partial<Wish>): Promise<boolean> {
    const status = wishSet.status ?? wish.status;
    const queue = queueAttributes({ ...wish, ...wishSet }, status);
    const add: Record<string, number> = to === 'released' ? { claimCount: -1 } : to === 'fulfilled' ? { fulfilledCount: 1 } : {};
    return this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: claimKeys.claim(wish.wishId, volunteerId),
          UpdateExpression: 'SET #status = :to',
          ConditionExpression: `#status IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': to, ...Object.fromEntries(from.map((f, i) => [`:f${i}`, f])) },
        },
      },
      { Update: { TableName: this.tableName, Key: wishKeys.meta(wish.wishId), ...versionedUpdate({ expectedVersion: wish.version, set: { ...wishSet, ...queue.set }, add, remove: queue.remove }) } },
    ]);
  }

  async published(query: { gridId?: string; category?: string; limit: number; cursor?: string }) {
    const [index, key] = query.gridId ? ['gsi2', wishKeys.publishedIn(query.gridId)] : ['gsi1', wishKeys.published];
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

  async claimsOf(volunteerId: string): Promise<Claim[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': claimKeys.claimsOf(volunteerId) } });
    return items.map((i) => withoutKeys<Claim>(i, 'beneficiaryKey')!);
  }

  async awaitingStaff(gridId: string): Promise<Wish[]> {
    const items = await queryAll(this.db, { TableName: this.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': wishKeys.awaitingStaffIn(gridId) } });
    return items.map((i) => withoutKeys<Wish>(i, 'beneficiaryKey')!).filter((w) => AWAITING_STAFF.includes(w.status));
  }

  async awaitConfirmationFrom(phone: string, wishId: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...wishKeys.awaitingConfirmation(phoneDigest(phone)), wishId } }));
  }

  async wishAwaitingConfirmationFrom(phone: string): Promise<string | undefined> {
    return (await getByPhone(this.db, this.tableName, phone, wishKeys.awaitingConfirmation))?.wishId as string | undefined;
  }
}
