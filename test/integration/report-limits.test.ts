import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../support/local-stack';

const TABLE = 'minqing-local-main';

/** Reports per phone through the local stack: the same handler, container and DynamoDB adapter as on AWS. */
describe('report limits per phone, over HTTP on the local stack', () => {
  let t: TestStack;
  let db: DynamoDBDocumentClient;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestStack();
    db = t.db();
  });
  afterAll(async () => {
    await t.stop();
  });

  /** TestStack.api drops response headers; Retry-After is the point here. */
  const report = async (phone: string, opts: { category?: string; key?: string } = {}) => {
    serial += 1;
    const res = await fetch(`${t.stack.url}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
      body: JSON.stringify({
        category: opts.category ?? 'road-damage',
        description: '路面破损需要修补',
        location: { gridId: 'G01', address: opts.key ? `限流路${opts.key}号` : `限流路${serial}号` },
        reporter: { phone },
      }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
  };
  const caseItems = async () => {
    const out = await db.send(new ScanCommand({ TableName: TABLE, FilterExpression: 'begins_with(pk, :case)', ExpressionAttributeValues: { ':case': 'CASE#' } }));
    return out.Items ?? [];
  };

  it('counts a replayed Idempotency-Key once, refuses the sixth report in the hour with 429 and Retry-After, and writes nothing for it', async () => {
    const phone = '13912340601';
    const first = await report(phone, { key: 'limit-replay-0001' });
    expect(first.status).toBe(201);
    for (let i = 0; i < 3; i += 1) expect((await report(phone, { key: 'limit-replay-0001' })).body.caseId).toBe(first.body.caseId);
    for (let i = 0; i < 4; i += 1) expect((await report(phone)).status).toBe(201);
    await t.stack.settle();
    const itemsBefore = await caseItems();
    const smsBefore = t.outbox(`+86${phone}`).length;
    expect(smsBefore).toBe(5);

    const refused = await report(phone);

    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('3600'); // the clock stands at 01:00:00Z: the hour's window ends at 02:00:00Z
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect([...refused.body.error.message].length).toBeLessThanOrEqual(70);
    expect(refused.body.error.message).toContain('请1小时后再试');
    await t.stack.settle();
    expect(await caseItems()).toEqual(itemsBefore);
    expect(t.outbox(`+86${phone}`)).toHaveLength(smsBefore);
    // A replay answers before anything is counted, so it still works with the window full.
    const replay = await report(phone, { key: 'limit-replay-0001' });
    expect(replay.status).toBe(201);
    expect(replay.body.caseId).toBe(first.body.caseId);
  });

  it('lets another phone report, and an emergency from the limited phone', async () => {
    // This test's own limited phone: five reports fill its hour.
    const limited = '13912340603';
    for (let i = 0; i < 5; i += 1) await report(limited);
    expect((await report(limited)).status).toBe(429);
    expect((await report('13912340602')).status).toBe(201);
    const emergency = await report(limited, { category: 'gas-leak' });
    expect(emergency.status).toBe(201);
    expect(emergency.body.priority).toBe('emergency');
  });

  it('lets the phone report again in the next hour, until twenty in the day', async () => {
    // This test's own phone, with its first hour of five reports (the clock stands at 01:00:00Z: only this test moves it).
    const phone = '13912340604';
    for (let i = 0; i < 5; i += 1) expect((await report(phone)).status).toBe(201);
    expect((await report(phone)).status).toBe(429);
    await t.advance(3600);
    for (let hour = 0; hour < 3; hour += 1) {
      for (let i = 0; i < 5; i += 1) expect((await report(phone)).status).toBe(201);
      expect((await report(phone)).status).toBe(429);
      await t.advance(3600);
    }
    // 5 + 15 reports so far today; the clock stands at 05:00:00Z and the UTC day ends in 19 hours.
    const refused = await report(phone);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(19 * 3600));
    expect(refused.body.error.message).toContain('19小时后再试');
  });

  it('keeps only digests of the number in its counters', async () => {
    // Counters of its own, whichever order the tests ran in.
    expect((await report('13912340605')).status).toBe(201);
    const out = await db.send(new ScanCommand({ TableName: TABLE, FilterExpression: 'begins_with(pk, :rate)', ExpressionAttributeValues: { ':rate': 'RATE#' } }));
    expect(out.Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(out.Items)).not.toMatch(/1391234060/);
  });
});
