import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeferredMessage, DeferredSmsQueue } from '../../ports/messaging';
import { keys } from './dynamo';

const dayOf = (iso: string) => iso.slice(0, 10);

/** One partition per UTC day of release; the flush reads today's and yesterday's. */
export class DynamoDeferredSms implements DeferredSmsQueue {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async defer(message: DeferredMessage): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.deferredSms(dayOf(message.sendAfter), message.sendAfter, message.key), ...message } }));
  }

  async due(now: Date): Promise<DeferredMessage[]> {
    const nowIso = now.toISOString();
    const days = [dayOf(new Date(now.getTime() - 86400_000).toISOString()), dayOf(nowIso)];
    const out: DeferredMessage[] = [];
    for (const day of days) {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk <= :now',
          ExpressionAttributeValues: { ':pk': keys.deferredSms(day, '', '').pk, ':now': `${nowIso}#\uffff` },
          ConsistentRead: true,
        }),
      );
      for (const item of res.Items ?? []) {
        out.push({ key: String(item.key), to: String(item.to), text: String(item.text), sendAfter: String(item.sendAfter), ...(typeof item.staleAt === 'string' ? { staleAt: item.staleAt } : {}) });
      }
    }
    return out;
  }

  async remove(message: DeferredMessage): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.deferredSms(dayOf(message.sendAfter), message.sendAfter, message.key) }));
  }
}
