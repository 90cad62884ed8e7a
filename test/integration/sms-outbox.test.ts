import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoAccess } from '../../local/dynamodb';
import { gridWorkerPhone, useCaseFlow } from '../support/case-flow';
import { StackProcess } from '../support/stack-process';

/** Every record of the table's stream, oldest first, read as Lambda's poller reads it. */
async function streamRecords(endpoint: string, access: DynamoAccess, tableName: string): Promise<_Record[]> {
  const dynamo = new DynamoDBClient({ endpoint, ...access });
  const streams = new DynamoDBStreamsClient({ endpoint, ...access });
  try {
    const arn = (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table!.LatestStreamArn!;
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards!;
    const out: _Record[] = [];
    for (const shard of shards) {
      let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        out.push(...(page.Records ?? []));
        if (!page.Records?.length) break;
        iterator = page.NextShardIterator;
      }
    }
    return out;
  } finally {
    dynamo.destroy();
    streams.destroy();
  }
}

const insertOf = (records: _Record[], key: string) => records.find((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.key?.S === key);

describe('one SMS sender: the outbox, the table stream and the sender function on the local stack', () => {
  const ctx = useCaseFlow();
  const tableName = () => String(ctx.t.stack.config.tables[0]!.properties.TableName);
  const outboxItem = async (key: string) => {
    const out = await ctx.t.db().send(new GetCommand({ TableName: tableName(), Key: { pk: `SMS-OUTBOX#${key}`, sk: 'SMS' }, ConsistentRead: true }));
    return out.Item;
  };

  it('delivers a report confirmation through the stream: queued with the case, published by the sender, recorded once', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.submit();
    const key = `${c.caseId}#received`;

    const texts = ctx.t.outbox(c.phone).map((m) => m.text);
    expect(texts).toEqual([expect.stringContaining(c.trackingCode)]);
    // Recorded by the sender (only it knows a message id); the settled item keeps no number and no text.
    const item = await outboxItem(key);
    expect(item).toMatchObject({ state: 'sent', key, urgent: true, messageId: expect.any(String) });
    expect(item).not.toHaveProperty('to');
    expect(item).not.toHaveProperty('text');

    // The INSERT went through the stream in the same write as the case (its image is the queued item).
    const records = await streamRecords(ctx.t.stack.endpoints.dynamodb, ctx.t.stack.dynamoAccess, tableName());
    const insert = insertOf(records, key)!;
    expect(insert.dynamodb!.NewImage).toMatchObject({ state: { S: 'queued' }, to: { S: `+86${c.phone}` }, urgent: { BOOL: true } });

    // Lambda redelivers a record now and then (a retried batch): the sender sends nothing twice.
    const redelivery = {
      Records: [{ eventID: insert.eventID, eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: insert.dynamodb!.SequenceNumber, Keys: insert.dynamodb!.Keys, NewImage: insert.dynamodb!.NewImage } }],
    };
    expect(await ctx.t.stack.invoke('smsSender', redelivery)).toEqual({ batchItemFailures: [] });
    expect(await ctx.t.stack.invoke('smsSender', redelivery)).toEqual({ batchItemFailures: [] });
    await ctx.t.stack.settle();
    expect(ctx.t.outbox(c.phone)).toHaveLength(1);
  });

  it('holds the grid worker task SMS of a report made at night and sends it at 07:00; the report confirmation goes at once', async () => {
    await ctx.flow.nextMorning(23);
    const worker = gridWorkerPhone('G01');
    const before = ctx.t.outbox(worker).length;
    const c = await ctx.flow.submit();
    expect(ctx.t.outbox(c.phone)).toHaveLength(1);
    expect(ctx.t.outbox(worker)).toHaveLength(before);
    const key = `${c.caseId}#grid-check#1`;
    // 07:00 in Shanghai the next morning (which day depends on how far earlier tests moved the clock).
    const morning = new Date(ctx.t.stack.clock.nowMs() + 8 * 3600_000).toISOString().slice(0, 10);
    const sevenAm = new Date(Date.parse(`${morning}T07:00:00+08:00`) + 86400_000).toISOString();
    expect(await outboxItem(key)).toMatchObject({ state: 'held', heldUntil: sevenAm });

    await ctx.flow.nextMorning(7);
    const toWorker = ctx.t.outbox(worker).slice(before).filter((m) => m.text.includes(c.caseId));
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]!.at).toBe(sevenAm);
    expect(await outboxItem(key)).toMatchObject({ state: 'sent' });
  });

  it('marks what goes to a reporter as for a resident, so the residents\' daily cap applies to it, and staff requests as not', async () => {
    await ctx.flow.nextMorning();
    const c = await ctx.flow.toFeedback();
    expect(await outboxItem(`${c.caseId}#feedback#1`)).toMatchObject({ state: 'sent', audience: 'resident' });
    expect(await outboxItem(`${c.caseId}#grid-check#1`)).not.toHaveProperty('audience');
  });
});

describe('the local stream poller across a hard kill', () => {
  jest.setTimeout(300_000);
  let dir: string;
  let sp: StackProcess | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'minqing-sms-stream-'))));
  afterAll(async () => {
    await sp?.kill().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after its checkpoint, and from the oldest record without one, sending nothing twice', async () => {
    sp = await StackProcess.start(dir, ['--start-at', '2026-11-23T09:00:00+08:00']);
    const reports = [];
    for (const n of [1, 2, 3]) {
      const res = await sp.api('POST', '/v1/cases', {
        body: { category: 'road-damage', description: '路面破损需要修补', location: { gridId: 'G02', address: `龙首小区${n}号楼` }, reporter: { phone: `1390000900${n}` } },
      });
      expect(res.status).toBe(201);
      reports.push(res.body.caseId as string);
    }
    await sp.settle();
    const sent = await sp.outbox();
    for (const caseId of reports) expect(sent.filter((m) => m.text.includes(caseId))).not.toHaveLength(0);
    const checkpoints = readdirSync(dir).filter((f) => f.startsWith('stream-'));
    expect(checkpoints).toEqual(['stream-smsSender-MainTable.json']);

    await sp.kill();
    sp = await StackProcess.start(dir);
    await sp.settle();
    expect(await sp.outbox()).toEqual(sent);

    // Without its checkpoint the poller reads the stream from its oldest record: every queued message is
    // handed to the sender again, which finds each outcome recorded.
    await sp.kill();
    rmSync(join(dir, checkpoints[0]!));
    sp = await StackProcess.start(dir);
    await sp.settle();
    expect(await sp.outbox()).toEqual(sent);
    expect(existsSync(join(dir, checkpoints[0]!))).toBe(true);
  });
});
