import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { phoneSchema } from '../../domain/phone';
import type { OptOutList } from '../../ports/messaging';
import { getByPhone, phoneDigest, phoneDigests, writeOrLose } from './dynamo';
import { optOutKey } from './model/opt-out';

/** `13800138000`, `+86 138…` and `+8613800138000` are one number, so one key. */
const keyOf = (phone: string) => {
  const parsed = phoneSchema.safeParse(phone);
  return optOutKey(phoneDigest(parsed.success ? parsed.data : phone));
};

/** One item per opted-out number, keyed by the salted phone digest: the table never holds the number for this. */
export class DynamoOptOutStore implements OptOutList {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async optOut(phone: string, by: { messageId: string; at: Date }): Promise<boolean> {
    return writeOrLose(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keyOf(phone), optedOutBy: by.messageId, optedOutAt: by.at.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk) OR optedOutBy = :messageId',
          ExpressionAttributeValues: { ':messageId': by.messageId },
        }),
      ),
    );
  }

  /** Under every key of the keyring: during a rotation the opt-out may still be under the old digest. */
  async optIn(phone: string): Promise<boolean> {
    let removed = false;
    for (const digest of phoneDigests(phone)) {
      const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: optOutKey(digest), ReturnValues: 'ALL_OLD' }));
      removed ||= out.Attributes !== undefined;
    }
    return removed;
  }

  async has(phone: string): Promise<boolean> {
    return (await getByPhone(this.db, this.tableName, phone, optOutKey)) !== undefined;
  }
}
