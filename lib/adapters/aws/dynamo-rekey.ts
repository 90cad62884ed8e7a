import { createHash } from 'node:crypto';
import { DeleteCommand, ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { phoneSchema } from '../../domain/phone';
import { activeKeyring } from '../keyring';
import { digestUnder, isConditionFailure } from './dynamo';
import { KEY_ATTRIBUTES } from './model/table';

export interface RekeyReport {
  scanned: number;
  /** Distinct phone numbers found in the table (contacts, registries, the SMS outbox). */
  phones: number;
  /** Items moved from an old digest (or the pre-keyring unkeyed hash) to the current one. */
  moved: number;
  /** Items whose old digest belongs to no number the table still holds: left in place, counted. */
  orphans: number;
  /** Items keyed by a key version the keyring no longer has (lost or retired too early). */
  unknownVersion: number;
}

const VERSIONED = /v[1-9]\d{0,5}\.[0-9a-f]{32}/g;
/** Before the keyring, digests were an unkeyed SHA-256 (64 hex) of the number with a constant salt. */
const UNKEYED = /(?<=#)[0-9a-f]{64}(?![0-9a-f])/g;
const unkeyedDigest = (phone: string) => createHash('sha256').update(`minqing-phone:${phone}`).digest('hex');
const PHONE_LIKE = /^\+?[\d\s-]{8,20}$/;

function phonesIn(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'string') {
    if (!PHONE_LIKE.test(value)) return;
    const parsed = phoneSchema.safeParse(value);
    if (parsed.success) out.add(parsed.data);
  } else if (Array.isArray(value)) for (const v of value) phonesIn(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) phonesIn(v, out, depth + 1);
}

async function scanAll(db: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Items whose key holds a digest under any key version: a table with some is unreadable without the
 * keyring that made them, so a local folder that lost its secrets.json must not get a new one.
 */
export async function countKeyedItems(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const versioned = new RegExp(VERSIONED.source);
  return (await scanAll(db, tableName)).filter((item) => KEY_ATTRIBUTES.some((a) => typeof item[a] === 'string' && versioned.test(item[a]))).length;
}

/**
 * The re-keying step of a rotation (docs/privacy.md): every item whose key holds a phone digest under
 * an older key version (or the pre-keyring unkeyed hash) is moved to the current key's digest. A digest
 * cannot be reversed, so the numbers come from the table itself: every phone any item holds is digested
 * under each old version to recognise what to move. Moving is a transaction (put new, delete old); if
 * the new item exists already (written since the rotation), it is newer and wins. Idempotent: run it
 * again and it moves nothing.
 */
export async function rekeyPhoneDigests(db: DynamoDBDocumentClient, tableName: string): Promise<RekeyReport> {
  const ring = activeKeyring();
  const items = await scanAll(db, tableName);
  const phones = new Set<string>();
  for (const item of items) phonesIn(item, phones);
  const old = new Map<string, string>();
  for (const phone of phones) {
    for (const version of ring.versions.slice(1)) old.set(digestUnder(version, phone), phone);
    old.set(unkeyedDigest(phone), phone);
  }
  const report: RekeyReport = { scanned: items.length, phones: phones.size, moved: 0, orphans: 0, unknownVersion: 0 };
  for (const item of items) {
    let stale = false;
    let orphan = false;
    let unknown = false;
    const rewrite = (value: string) =>
      value
        .replace(VERSIONED, (digest) => {
          const version = digest.slice(0, digest.indexOf('.'));
          if (version === ring.current) return digest;
          stale = true;
          if (!ring.versions.includes(version)) unknown = true;
          const phone = old.get(digest);
          if (!phone) orphan = true;
          return phone ? digestUnder(ring.current, phone) : digest;
        })
        .replace(UNKEYED, (digest) => {
          const phone = old.get(digest);
          if (!phone) return digest;
          stale = true;
          return digestUnder(ring.current, phone);
        });
    const next: Record<string, unknown> = { ...item };
    for (const attribute of KEY_ATTRIBUTES) if (typeof item[attribute] === 'string') next[attribute] = rewrite(item[attribute]);
    if (!stale) continue;
    if (unknown) report.unknownVersion += 1;
    else if (orphan) report.orphans += 1;
    if (unknown || orphan) continue;
    const oldKey = { pk: item.pk, sk: item.sk };
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: next, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Delete: { TableName: tableName, Key: oldKey, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      await db.send(new DeleteCommand({ TableName: tableName, Key: oldKey }));
    }
    report.moved += 1;
  }
  return report;
}
