import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { LocalStack } from '../../local/stack';

/** A canonical JSON of a DynamoDB item: attribute order does not matter, values do. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * SHA-256 over every item of every table of the stack (full, consistent scans), order-independent,
 * and the item count: two equal digests mean nothing was written, changed or deleted in between.
 */
export async function tablesDigest(stack: LocalStack): Promise<{ items: number; sha256: string }> {
  const db = new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, ...stack.dynamoAccess });
  try {
    const lines: string[] = [];
    for (const table of stack.config.tables) {
      const name = String(table.properties.TableName);
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: name, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
        for (const item of page.Items ?? []) lines.push(`${name} ${JSON.stringify(canonical(item))}`);
        start = page.LastEvaluatedKey;
      } while (start);
    }
    lines.sort();
    return { items: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  } finally {
    db.destroy();
  }
}
