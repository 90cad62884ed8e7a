import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseLimitKey } from '../../domain/limits';
import type { RateLimiter } from '../../ports/rate-limiter';
import { isConditionFailure, phoneDigest } from './dynamo';
import { rateLimitKey } from './model/limiter';

/**
 * Fixed-window counters, one item per scope, number and window. A single conditional `ADD` counts
 * atomically however many Lambdas take at once, and a full window refuses without writing, so a
 * refused caller never pushes the count (or the wait) further. Windows are whole multiples of their
 * length since the epoch (UTC), so a day window turns at 08:00 Beijing time; each item expires (TTL)
 * when its window ends, as a later window never reads an earlier one. Keys hold only the phone's digest,
 * which is the same for every writing of one number (`phoneDigest` normalises), so one number has one counter.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async take(key: string, limit: number, windowSeconds: number, now: Date): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
    const nowSeconds = now.getTime() / 1000;
    const window = Math.floor(nowSeconds / windowSeconds);
    const windowEnd = (window + 1) * windowSeconds;
    const refused = { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil(windowEnd - nowSeconds)) };
    if (limit < 1) return refused;
    const { scope, subject } = parseLimitKey(key);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: rateLimitKey(scope, phoneDigest(subject), windowSeconds, window),
          UpdateExpression: 'SET expiresAt = :windowEnd ADD n :one',
          ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':windowEnd': windowEnd },
        }),
      );
      return { allowed: true };
    } catch (err) {
      if (isConditionFailure(err)) return refused;
      throw err;
    }
  }
}

