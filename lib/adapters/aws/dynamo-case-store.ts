import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseContact, CaseRecord, CaseStep, TimelineEntry } from '../../domain/case';
import type { CaseStore, NewCase, OpenStep } from '../../ports/case-store';
import { isConditionFailure, keys } from './dynamo';

type CancellationReasons = { CancellationReasons?: Array<{ Code?: string }> };

/** Work queue partition for whoever must act on a step: a grid, a department, or the centre. */
function workQueueKey(assignee: OpenStep['assignee'], step: CaseStep): string {
  if ((step === 'accept' || step === 'resolve') && assignee.departmentId) return `WORK#DEPT#${assignee.departmentId}`;
  if (assignee.gridId) return `WORK#GRID#${assignee.gridId}`;
  return 'WORK#CENTRE';
}

function strip<T extends Record<string, unknown>>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as T;
}

export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(input: NewCase): Promise<{ created: true } | { created: false; existingCaseId?: string }> {
    const { record, contact, firstEvent, idempotencyKey } = input;
    const items = [
      { Put: { TableName: this.tableName, Item: { ...keys.caseMeta(record.caseId), ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...keys.caseContact(record.caseId), ...contact } } },
      { Put: { TableName: this.tableName, Item: { ...keys.caseEvent(record.caseId, record.version), ...firstEvent } } },
      ...(idempotencyKey
        ? [{ Put: { TableName: this.tableName, Item: { ...keys.idempotency(idempotencyKey), caseId: record.caseId }, ConditionExpression: 'attribute_not_exists(pk)' } }]
        : []),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { created: true };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const reasons = (err as CancellationReasons).CancellationReasons ?? [];
      if (idempotencyKey && reasons[3]?.Code === 'ConditionalCheckFailed') {
        const existingCaseId = await this.findByIdempotencyKey(idempotencyKey);
        return existingCaseId ? { created: false, existingCaseId } : { created: false };
      }
      return { created: false };
    }
  }

  async findByIdempotencyKey(key: string): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.idempotency(key), ConsistentRead: true }));
    return out.Item?.caseId as string | undefined;
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.caseMeta(caseId), ConsistentRead: true }));
    return strip<CaseRecord & Record<string, unknown>>(out.Item);
  }

  async contact(caseId: string): Promise<CaseContact | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.caseContact(caseId), ConsistentRead: true }));
    return strip<CaseContact & Record<string, unknown>>(out.Item);
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':prefix': 'EVENT#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => strip<TimelineEntry & Record<string, unknown>>(item)!);
  }

  async openStep(caseId: string, step: CaseStep): Promise<OpenStep | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.caseStep(caseId, step), ConsistentRead: true }));
    return strip<OpenStep & Record<string, unknown>>(out.Item);
  }

  async recordStepOpened(input: Parameters<CaseStore['recordStepOpened']>[0]): Promise<boolean> {
    const { step, status, expectedVersion, event } = input;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...keys.caseStep(step.caseId, step.step),
                  ...step,
                  gsi1pk: workQueueKey(step.assignee, step.step),
                  gsi1sk: `${step.dueAt}#${step.caseId}`,
                },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.caseMeta(step.caseId),
                UpdateExpression: 'SET #status = :status, #version = :next',
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: { ':status': status, ':next': expectedVersion + 1, ':expected': expectedVersion },
              },
            },
            { Put: { TableName: this.tableName, Item: { ...keys.caseEvent(step.caseId, expectedVersion + 1), ...event } } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}
