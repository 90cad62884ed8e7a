import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { phoneSchema } from '../../domain/phone';
import type { OptOutList } from '../../ports/messaging';
import { isConditionFailure, keys, phoneDigest } from './dynamo';

/** `13800138000`, `+86 138…` and `+8613800138000` are one number, so one key. */
const keyOf = (phone: string) => {
  const parsed = phoneSchema.safeParse(phone);
  return keys.smsOptOut(phoneDigest(parsed.success ? parsed.data : phone));
};

/** One item per opted-out number, keyed by the salted phone digest: the table never holds the number for this. */
export class DynamoOptOutStore implements OptOutList {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async optOut(phone: string, by: { messageId: string; at: Date }): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keyOf(phone), optedOutBy: by.messageId, optedOutAt: by.at.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk) OR optedOutBy = :messageId',
          ExpressionAttributeValues: { ':messageId': by.messageId },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async optIn(phone: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keyOf(phone), ReturnValues: 'ALL_OLD' }));
    return out.Attributes !== undefined;
  }

  async has(phone: string): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keyOf(phone), ConsistentRead: true }));
    return out.Item !== undefined;
  }
}
