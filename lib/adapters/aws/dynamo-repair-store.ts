import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Attention, RepairableKind, RepairCandidate, RepairStore, WorkflowRun } from '../../ports/repair-store';
import { withoutKeys, writeOrLose } from './dynamo';
import { decodeCursor, encodeCursor } from './dynamo-cursor';
import { REPAIRABLE_PREFIX, repairKeys } from './model/repair';

/** Statuses after which a lifecycle has nothing left to do. */
const FINISHED = ['closed', 'expired', 'rejected', 'withdrawn', 'completed', 'cancelled'];

/** The reconciler's scan cursor, in the one cursor format of the stores (checked when read back). */
const SCAN_CURSOR_SCOPE = 'reconcile-scan';

/** Attention items and workflow runs live in the entity's own partition; open items also in GSI1 `ATTENTION`. */
export class DynamoRepairStore implements RepairStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async attention(kind: RepairableKind, id: string): Promise<Attention | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: repairKeys.attention(kind, id), ConsistentRead: true }));
    return withoutKeys<Attention>(out.Item);
  }

  async holdForAttention(item: Attention): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...repairKeys.attention(item.kind, item.id), ...item, ...repairKeys.inOpenAttention(item) } }),
    );
  }

  async resolveAttention(kind: RepairableKind, id: string, taskToken: string, at: string): Promise<boolean> {
    return writeOrLose(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: repairKeys.attention(kind, id),
          UpdateExpression: 'SET resolvedAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'taskToken = :token AND attribute_not_exists(resolvedAt)',
          ExpressionAttributeValues: { ':at': at, ':token': taskToken },
        }),
      ),
    );
  }

  async openAttention(limit: number): Promise<Attention[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': repairKeys.openAttention }, Limit: limit }),
    );
    return (out.Items ?? []).map((item) => withoutKeys<Attention>(item)!);
  }

  async run(kind: RepairableKind, id: string): Promise<WorkflowRun | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: repairKeys.run(kind, id), ConsistentRead: true }));
    return withoutKeys<WorkflowRun>(out.Item);
  }

  async recordRestart(run: WorkflowRun, expectedRestarts: number): Promise<boolean> {
    return writeOrLose(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...repairKeys.run(run.kind, run.id), ...run },
          ConditionExpression: expectedRestarts === 0 ? 'attribute_not_exists(pk)' : 'restarts = :expected',
          ...(expectedRestarts === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedRestarts } }),
        }),
      ),
    );
  }

  async candidates(cursor: string | undefined, pageSize: number): Promise<{ items: RepairCandidate[]; cursor?: string }> {
    const out = await this.db.send(
      new ScanCommand({
        TableName: this.tableName,
        Limit: pageSize,
        ExclusiveStartKey: decodeCursor(cursor, SCAN_CURSOR_SCOPE, { pk: null, sk: null }),
        ProjectionExpression: 'pk, #status',
        FilterExpression: `sk = :meta AND (begins_with(pk, :case) OR begins_with(pk, :wish) OR begins_with(pk, :visit)) AND NOT #status IN (${FINISHED.map((_, i) => `:f${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':meta': repairKeys.meta,
          ':case': REPAIRABLE_PREFIX.case,
          ':wish': REPAIRABLE_PREFIX.wish,
          ':visit': REPAIRABLE_PREFIX.visit,
          ...Object.fromEntries(FINISHED.map((s, i) => [`:f${i}`, s])),
        },
      }),
    );
    const items = (out.Items ?? []).map((item) => {
      const pk = String(item.pk);
      const kind = (Object.keys(REPAIRABLE_PREFIX) as RepairableKind[]).find((k) => pk.startsWith(REPAIRABLE_PREFIX[k]))!;
      return { kind, id: pk.slice(REPAIRABLE_PREFIX[kind].length), status: String(item.status) };
    });
    const next = encodeCursor(SCAN_CURSOR_SCOPE, out.LastEvaluatedKey);
    return next ? { items, cursor: next } : { items };
  }

  async reconcileCursor(): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: repairKeys.reconcileCursor, ConsistentRead: true }));
    return out.Item?.cursor as string | undefined;
  }

  async saveReconcileCursor(cursor: string | undefined): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...repairKeys.reconcileCursor, ...(cursor ? { cursor } : {}) } }));
  }
}
