import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OnceStore } from '../../ports/messaging';
import type { Clock } from '../../ports/clock';
import { writeOrLose } from './dynamo';
import { onceKey } from './model/once';

/** Records are kept 90 days, long past any retry, then expire by TTL. */
const KEEP_SECONDS = 90 * 24 * 3600;

export class DynamoOnceStore implements OnceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async claim(key: string, leaseSeconds: number): Promise<boolean> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    return writeOrLose(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...onceKey(key), state: 'in-progress', leaseUntil: nowSeconds + leaseSeconds, expiresAt: nowSeconds + KEEP_SECONDS },
          // A holder that died leaves an expired lease behind; the next attempt may take it over.
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'in-progress', ':now': nowSeconds },
        }),
      ),
    );
  }

  async complete(key: string, detail: Record<string, string>): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: onceKey(key),
        UpdateExpression: 'SET #state = :done, detail = :detail REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':detail': detail },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: onceKey(key) }));
  }
}
