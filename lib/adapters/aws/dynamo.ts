import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { phoneSchema } from '../../domain/phone';
import { activeKeyring } from '../keyring';

/** One document client per process; the endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB locally). */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Key layout of the single table: every item has `pk`/`sk`; work queues use GSI1. */
export const keys = {
  caseMeta: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'META' }),
  caseContact: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CONTACT' }),
  /** Events sort by the case version they produced: one event per state change, in order. */
  caseEvent: (caseId: string, version: number) => ({ pk: `CASE#${caseId}`, sk: `EVENT#${String(version).padStart(6, '0')}` }),
  caseStep: (caseId: string, step: string) => ({ pk: `CASE#${caseId}`, sk: `STEP#${step}` }),
  caseFollower: (caseId: string, followerCaseId: string) => ({ pk: `CASE#${caseId}`, sk: `FOLLOWER#${followerCaseId}` }),
  idempotency: (key: string) => ({ pk: `IDEMPOTENCY#${key}`, sk: 'IDEMPOTENCY' }),
  /** Keyed by a hash of the phone, so the key itself holds no personal data. */
  ratingReply: (phoneHash: string) => ({ pk: `RATING#${phoneHash}`, sk: 'RATING' }),
  /** A number that answered 退订, keyed by its digest like `ratingReply`. */
  smsOptOut: (phoneHash: string) => ({ pk: `SMS-OPT-OUT#${phoneHash}`, sk: 'OPT-OUT' }),
  metric: (dimension: string, day: string, key: string) => ({ pk: `METRIC#${dimension}`, sk: `${day}#${key}` }),
  deferredSms: (day: string, sendAfter: string, key: string) => ({ pk: `SMS-DEFERRED#${day}`, sk: `${sendAfter}#${key}` }),
  once: (key: string) => ({ pk: `ONCE#${key}`, sk: 'ONCE' }),
  /** One fixed-window counter per scope, number digest and window (`reports-hour`, window 493,417). */
  rateLimit: (scope: string, subjectDigest: string, windowSeconds: number, window: number) => ({ pk: `RATE#${scope}#${subjectDigest}`, sk: `WINDOW#${windowSeconds}#${window}` }),
  reference: (kind: 'CATEGORY' | 'GRID' | 'DEPARTMENT', id: string) => ({ pk: `REF#${kind}`, sk: id }),
  staff: (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'PROFILE' }),
};

export function isConditionFailure(err: unknown): boolean {
  const name = (err as { name?: string } | undefined)?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException';
}

/** Every item a query matches, following the pages. */
export async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Writes all items or none; a failed condition is a lost race (`false`), not an error. */
export async function transactOrLose(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<boolean> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

/** An item as the domain sees it: without the table's key attributes (and any `extra` storage-only ones). */
export function withoutKeys<T>(item: Record<string, unknown> | undefined, ...extra: string[]): T | undefined {
  if (!item) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k) && !extra.includes(k)) rest[k] = v;
  return rest as T;
}

/**
 * A phone number as it may appear in a key: `v2.` and an HMAC-SHA256 (128 bits, hex) under the current
 * key of the keyring, so neither a key nor a table export yields the number without the secret (an
 * unkeyed hash of the ~10⁹ mainland mobiles is reversed by trying them all). Every writing of one
 * number (`139…`, `+86 139…`) gives one digest. Throws until the keyring is installed.
 */
export const phoneDigest = (phone: string) => digestUnder(activeKeyring().current, phone);

/** The digest under every key of the keyring, current first: lookups try them in order during a rotation. */
export const phoneDigests = (phone: string) => activeKeyring().versions.map((version) => digestUnder(version, phone));

/**
 * The item a phone's digest keys, under the current key or, during a rotation before the re-key has
 * moved it, an older one (docs/privacy.md). `key` builds the item's key from a digest.
 */
export async function getByPhone(db: DynamoDBDocumentClient, tableName: string, phone: string, key: (digest: string) => { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  for (const digest of phoneDigests(phone)) {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: key(digest), ConsistentRead: true }));
    if (out.Item) return out.Item;
  }
  return undefined;
}

/** The digest of `phone` under one key version (the re-key step reads old versions with it). */
export function digestUnder(version: string, phone: string): string {
  const parsed = phoneSchema.safeParse(phone);
  return `${version}.${activeKeyring().mac('phone-digest', version, parsed.success ? parsed.data : phone.trim()).subarray(0, 16).toString('hex')}`;
}
