import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { ValidationError } from '../../errors';
import { activeKeyring } from '../keyring';

/** A key attribute well inside DynamoDB's bounds (1 KB for a sort key, in bytes): this table's keys are short ASCII. */
const keyPart = z.string().regex(/^[\x20-\x7e]{1,256}$/);

/**
 * A page cursor is opaque to clients: base64url of `{ q, k }`, where `q` names the query it belongs to
 * (index and partition) and `k` is DynamoDB's `LastEvaluatedKey`, then the key version and an HMAC of
 * that payload under this stack's cursor key (derived from the keyring for cursors only). A cursor that
 * was not signed here (forged, edited, or from another stack), does not decode, whose key is not a key
 * of that index, or that belongs to another query is a 400 naming `cursor`, never a start key DynamoDB
 * would refuse. A cursor signed before a key rotation stays good until the old key is retired.
 */
const MAC_BYTES = 16;
const CURSOR_SHAPE = /^([A-Za-z0-9_-]{1,2048})\.(v[1-9]\d{0,5})\.([A-Za-z0-9_-]{22})$/;

// Compared as text: base64url's last character carries spare bits, so two spellings decode to one MAC.
const macOf = (version: string, payload: string) => activeKeyring().mac('cursor', version, payload).subarray(0, MAC_BYTES);

export function encodeCursor(query: string, lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  if (!lastEvaluatedKey) return undefined;
  const payload = Buffer.from(JSON.stringify({ q: query, k: lastEvaluatedKey })).toString('base64url');
  const version = activeKeyring().current;
  return `${payload}.${version}.${macOf(version, payload).toString('base64url')}`;
}

/** `key` lists the attributes of the start key: a value fixes it (the query's partition), `null` admits any key string. */
export function decodeCursor(cursor: string | undefined, query: string, key: Record<string, string | null>): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const keySchema = z.object(Object.fromEntries(Object.entries(key).map(([name, fixed]) => [name, fixed === null ? keyPart : z.literal(fixed)]))).strict();
  const schema = z.object({ q: z.literal(query), k: keySchema }).strict();
  let json: unknown;
  const [, payload, version, mac] = CURSOR_SHAPE.exec(cursor) ?? [];
  if (payload && version && mac && activeKeyring().versions.includes(version) && timingSafeEqual(Buffer.from(macOf(version, payload).toString('base64url')), Buffer.from(mac))) {
    try {
      json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      json = undefined;
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ValidationError('分页游标无效', { cursor: '无效或不属于本查询的游标，请从第一页重新获取' });
  return parsed.data.k as Record<string, string>;
}
