import { z } from 'zod';
import { ValidationError } from '../../errors';

/** A key attribute well inside DynamoDB's bounds (1 KB for a sort key, in bytes): this table's keys are short ASCII. */
const keyPart = z.string().regex(/^[\x20-\x7e]{1,256}$/);

/**
 * A page cursor is opaque to clients: base64url of `{ q, k }`, where `q` names the query it belongs to
 * (index and partition) and `k` is DynamoDB's `LastEvaluatedKey`. A cursor that does not decode, whose
 * key is not a key of that index, or that belongs to another query is a 400 naming `cursor`, never a
 * start key DynamoDB would refuse. A well-formed key of the same query can only start the page
 * elsewhere in data the caller may read anyway.
 */
export function encodeCursor(query: string, lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify({ q: query, k: lastEvaluatedKey })).toString('base64url') : undefined;
}

/** `key` lists the attributes of the start key: a value fixes it (the query's partition), `null` admits any key string. */
export function decodeCursor(cursor: string | undefined, query: string, key: Record<string, string | null>): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const keySchema = z.object(Object.fromEntries(Object.entries(key).map(([name, fixed]) => [name, fixed === null ? keyPart : z.literal(fixed)]))).strict();
  const schema = z.object({ q: z.literal(query), k: keySchema }).strict();
  let json: unknown;
  try {
    json = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ValidationError('分页游标无效', { cursor: '无效或不属于本查询的游标，请从第一页重新获取' });
  return parsed.data.k as Record<string, string>;
}
