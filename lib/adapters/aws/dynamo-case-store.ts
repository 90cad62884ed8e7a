import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CaseContact, CaseRecord, CaseStep, TimelineEntry } from '../../domain/case';
import {
  METRIC_COUNTERS,
  type CaseStore,
  type MetricDimension,
  type MetricIncrement,
  type MetricRow,
  type IdempotencyBinding,
  type IdempotencyRecord,
  type NewCase,
  type OpenStep,
  type PendingDecision,
  type StepDecision,
  type Transition,
} from '../../ports/case-store';
import { queueOfStep } from '../../domain/work-queues';
import { getByPhone, phoneDigest, queryAll, transactNamed, transactOrLose, withoutKeys, type NamedTransactItems, type TransactItem } from './dynamo';
import { outboxPut } from './dynamo-sms-outbox';
import { caseKeys, idempotencyKey } from './model/case';
import { metricKeys } from './model/metric';
import { stepKeys } from './model/step';
import { GSI1_ATTRIBUTES } from './model/table';
import { versionedUpdate } from './versioned-update';

type Item = Record<string, unknown>;

/** The name of the idempotency item in the create transaction: its failed condition tells a taken key. */
const IDEMPOTENCY_ITEM = 'idempotency';

export class DynamoCaseStore implements CaseStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private metricItems(increments: MetricIncrement[] = []): TransactItem[] {
    const items: TransactItem[] = [];
    for (const inc of increments) {
      const counters = Object.entries(inc.counters).filter(([, n]) => n);
      if (!counters.length) continue;
      for (const [dimension, key] of Object.entries(inc.dims)) {
        if (!key) continue;
        items.push({
          Update: {
            TableName: this.tableName,
            Key: metricKeys.counter(dimension, inc.day, key),
            UpdateExpression: `SET #key = :key ADD ${counters.map((_, i) => `#c${i} :n${i}`).join(', ')}`,
            ExpressionAttributeNames: { '#key': 'key', ...Object.fromEntries(counters.map(([name], i) => [`#c${i}`, name])) },
            ExpressionAttributeValues: { ':key': key, ...Object.fromEntries(counters.map(([, n], i) => [`:n${i}`, n])) },
          },
        });
      }
    }
    return items;
  }

  private eventItem(caseId: string, version: number, event: TimelineEntry): TransactItem {
    return { Put: { TableName: this.tableName, Item: { ...caseKeys.event(caseId, version), ...event } } };
  }

  private caseUpdate(t: Transition): TransactItem {
    const { caseId: _id, ...set } = t.set;
    return {
      Update: {
        TableName: this.tableName,
        Key: caseKeys.meta(t.caseId),
        ...versionedUpdate({ expectedVersion: t.expectedVersion, set, remove: [...(t.leaveOpenIndex ? GSI1_ATTRIBUTES : []), ...(t.remove ?? [])] }),
      },
    };
  }

  private transitionItems(t: Transition): TransactItem[] {
    return [this.caseUpdate(t), this.eventItem(t.caseId, t.expectedVersion + 1, t.event), ...this.metricItems(t.metrics)];
  }

  private transact(items: TransactItem[]): Promise<boolean> {
    return transactOrLose(this.db, items);
  }

  async create(input: NewCase): Promise<{ created: true } | { created: false; existing?: IdempotencyRecord }> {
    const { record, contact, firstEvent, idempotency } = input;
    const items: NamedTransactItems = [
      [
        'case',
        {
          Put: {
            TableName: this.tableName,
            Item: { ...caseKeys.meta(record.caseId), ...record, ...(record.gridId ? caseKeys.inOpenIndex(record.gridId, record.category, record.createdAt) : {}) },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      ['contact', { Put: { TableName: this.tableName, Item: { ...caseKeys.contact(record.caseId), ...contact } } }],
      ['first event', this.eventItem(record.caseId, record.version, firstEvent)],
      ...(idempotency ? [[IDEMPOTENCY_ITEM, this.idempotencyPut(record.caseId, idempotency)] as const] : []),
      ...this.metricItems(input.metrics).map((item) => ['metric', item] as const),
      // The confirmation SMS is queued with the case or not at all: no case without its SMS, no SMS for a case never stored.
      ...(input.outbox ?? []).map((message) => ['sms', outboxPut(this.tableName, message, new Date(record.createdAt))] as const),
    ];
    const out = await transactNamed(this.db, items);
    if (out.written) return { created: true };
    if (idempotency && out.failed.includes(IDEMPOTENCY_ITEM)) {
      const existing = await this.findByIdempotencyKey(idempotency.key, idempotency.boundAt);
      return existing ? { created: false, existing } : { created: false };
    }
    return { created: false };
  }

  /** Takes the key unless an unexpired binding holds it (a binding from before expiry was recorded counts as expired). */
  private idempotencyPut(caseId: string, binding: IdempotencyBinding): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...idempotencyKey(binding.key), caseId, fingerprint: binding.fingerprint, expiresAt: binding.expiresAt },
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_not_exists(expiresAt) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': binding.boundAt },
      },
    };
  }

  async findByIdempotencyKey(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(key), ConsistentRead: true }));
    const item = out.Item;
    // DynamoDB deletes expired items only eventually (DynamoDB Local never): expiry is checked here too.
    if (!item || typeof item.expiresAt !== 'number' || item.expiresAt <= nowSeconds) return undefined;
    return { caseId: String(item.caseId), fingerprint: String(item.fingerprint) };
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: caseKeys.meta(caseId), ConsistentRead: true }));
    return withoutKeys<CaseRecord>(out.Item);
  }

  async contact(caseId: string): Promise<CaseContact | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: caseKeys.contact(caseId), ConsistentRead: true }));
    return withoutKeys<CaseContact>(out.Item);
  }

  private queryCase(caseId: string, prefix: string): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': caseKeys.partition(caseId), ':prefix': prefix },
      ConsistentRead: true,
    });
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    return (await this.queryCase(caseId, caseKeys.eventPrefix)).map((item) => withoutKeys<TimelineEntry>(item)!);
  }

  async step(caseId: string, step: CaseStep): Promise<OpenStep | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: stepKeys.step(caseId, step), ConsistentRead: true }));
    return withoutKeys<OpenStep>(out.Item);
  }

  async recordStepOpened(input: Parameters<CaseStore['recordStepOpened']>[0]): Promise<boolean> {
    const { step, status, expectedVersion, event } = input;
    // A step opened with its decision already taken waits on no one's worklist.
    const queue = step.decision ? undefined : queueOfStep(step);
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { ...stepKeys.step(step.caseId, step.step), ...step, ...(queue ? stepKeys.inWorkQueue(queue, step.dueAt, step.caseId) : {}) },
        },
      },
      ...(input.takesPending ? [{ Delete: { TableName: this.tableName, Key: stepKeys.pending(step.caseId, step.step, step.openedSeq) } }] : []),
      ...this.transitionItems({ caseId: step.caseId, expectedVersion, set: { status }, ...(input.remove ? { remove: input.remove } : {}), event }),
    ]);
  }

  async pendingDecisions(caseId: string, step: CaseStep): Promise<PendingDecision[]> {
    return (await this.queryCase(caseId, stepKeys.pendingPrefix(step))).map((item) => withoutKeys<PendingDecision>(item)!);
  }

  recordPendingDecision(input: { pending: PendingDecision; transition: Transition }): Promise<boolean> {
    const { pending, transition } = input;
    return this.transact([
      { Put: { TableName: this.tableName, Item: { ...stepKeys.pending(pending.caseId, pending.step, pending.forSeq), ...pending }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...this.transitionItems(transition),
    ]);
  }

  async decideStep(input: { step: OpenStep; decision: StepDecision; transition: Transition }): Promise<boolean> {
    const { step, decision, transition } = input;
    return this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: stepKeys.step(step.caseId, step.step),
          UpdateExpression: 'SET decision = :decision REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'taskToken = :token AND attribute_not_exists(decision) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':decision': decision, ':token': step.taskToken },
        },
      },
      ...this.transitionItems(transition),
    ]);
  }

  transition(input: Transition): Promise<boolean> {
    return this.transact(this.transitionItems(input));
  }

  async closeSteps(caseId: string, at: string): Promise<void> {
    for (const item of await this.queryCase(caseId, stepKeys.prefix)) {
      if (item.closedAt || item.decision) continue;
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET closedAt = :at REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    }
  }

  async addFollower(caseId: string, follower: { caseId: string; phone: string }): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...caseKeys.follower(caseId, follower.caseId), ...follower } }));
  }

  async followers(caseId: string): Promise<Array<{ caseId: string; phone: string }>> {
    return (await this.queryCase(caseId, caseKeys.followerPrefix)).map((item) => ({ caseId: String(item.caseId), phone: String(item.phone) }));
  }

  async markOriginal(caseId: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: caseKeys.meta(caseId),
        UpdateExpression: 'SET originalSince = if_not_exists(originalSince, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async openSimilar(gridId: string, category: string, sinceIso: string): Promise<CaseRecord[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
        ExpressionAttributeValues: { ':pk': caseKeys.openIndex(gridId, category), ':since': sinceIso },
        ScanIndexForward: false,
        Limit: 50,
      }),
    );
    return (out.Items ?? []).map((item) => withoutKeys<CaseRecord>(item)!);
  }

  async worklist(queues: string[]): Promise<OpenStep[]> {
    const pages = await Promise.all(
      queues.map((queue) =>
        queryAll(this.db, { TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': stepKeys.workQueue(queue) } }),
      ),
    );
    return pages
      .flat()
      .map((item) => withoutKeys<OpenStep>(item)!)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async awaitRatingFrom(phone: string, caseId: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...caseKeys.awaitingRating(phoneDigest(phone)), caseId } }));
  }

  async caseAwaitingRatingFrom(phone: string): Promise<string | undefined> {
    return (await getByPhone(this.db, this.tableName, phone, caseKeys.awaitingRating))?.caseId as string | undefined;
  }

  async metrics(by: MetricDimension, fromDay: string, toDay: string): Promise<MetricRow[]> {
    const totals = new Map<string, MetricRow>();
    const days = metricKeys.days(fromDay, toDay);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': metricKeys.partition(by), ':from': days.from, ':to': days.to },
    });
    for (const item of items) {
      const key = String(item.key);
      const row = totals.get(key) ?? ({ key, ...Object.fromEntries(METRIC_COUNTERS.map((c) => [c, 0])) } as MetricRow);
      for (const c of METRIC_COUNTERS) row[c] += Number(item[c] ?? 0);
      totals.set(key, row);
    }
    return [...totals.values()].sort((a, b) => a.key.localeCompare(b.key));
  }
}
