import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { phoneSchema } from '../../domain/phone';
import { activeKeyring } from '../keyring';
import { KEY_ATTRIBUTES, type TableKey } from './model/table';

/** One document client per process; the endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB locally). */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

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
  return (await transactNamed(db, items.map((item) => ['', item] as const))).written;
}

/** A transaction's items, each with a name, so a cancellation can tell which condition failed without counting positions. */
export type NamedTransactItems = ReadonlyArray<readonly [name: string, item: TransactItem]>;

/**
 * Writes all items or none. When a condition fails (a lost race, not an error) `failed` names the items
 * whose own condition failed, from the cancellation reasons DynamoDB gives in item order.
 */
export async function transactNamed(db: DynamoDBDocumentClient, items: NamedTransactItems): Promise<{ written: true } | { written: false; failed: string[] }> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items.map(([, item]) => item) }));
    return { written: true };
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    return { written: false, failed: items.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map(([name]) => name) };
  }
}

/** Awaits one conditional write; a failed condition is a lost race (`false`), not an error. */
export async function writeOrLose(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** An item as the domain sees it: without the table's key attributes (and any `extra` storage-only ones). */
export function withoutKeys<T>(item: Record<string, unknown> | undefined, ...extra: string[]): T | undefined {
  if (!item) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!(KEY_ATTRIBUTES as readonly string[]).includes(k) && !extra.includes(k)) rest[k] = v;
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
export async function getByPhone(db: DynamoDBDocumentClient, tableName: string, phone: string, key: (digest: string) => TableKey): Promise<Record<string, unknown> | undefined> {
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
