import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type ApiResponse, type TestStack } from '../support/local-stack';

const report = (overrides: Record<string, unknown> = {}) => ({
  category: 'road-damage',
  description: '金水苑门口路面塌陷，有一个大坑',
  location: { address: '金水苑3号楼门口' },
  reporter: { phone: '13912345678' },
  ...overrides,
});
const wish = (overrides: Record<string, unknown> = {}) => ({
  beneficiary: { name: '李奶奶', gridId: 'G01' },
  group: 'elder',
  category: 'daily',
  title: '一台收音机',
  description: '想听戏曲频道',
  ...overrides,
});
const LONG_ID = 'A'.repeat(2100);

/** Each hostile request answers a 4xx in the documented shape, names the field, and writes nothing. */
describe('hostile input over HTTP on the local stack', () => {
  let t: TestStack;
  let db: DynamoDBDocumentClient;
  let admin: string;
  const table = 'minqing-local-main';

  beforeAll(async () => {
    t = await startTestStack();
    db = t.db();
    admin = await t.token({ role: 'admin', sub: 'admin-centre' });
  });
  afterAll(async () => {
    db.destroy();
    await t.stop();
  });

  const itemCount = async () => {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(new ScanCommand({ TableName: table, Select: 'COUNT', ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  };

  /** Sends the request and checks it was refused with `status`, naming `field`, with the table unchanged. */
  const refused = async (status: number, field: string | undefined, send: () => Promise<ApiResponse>) => {
    // What earlier tests (in whatever order) set going has finished writing before counting.
    await t.stack.settle();
    const before = await itemCount();
    const res = await send();
    expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { error: { code: expect.any(String), message: expect.any(String) } } });
    if (field) expect(res.body.error.fields).toHaveProperty([field]);
    expect(await itemCount()).toBe(before);
    return res;
  };

  it('refuses a path id of 2,100 characters on cases, wishes and visits with 400 naming the id', async () => {
    const volunteer = await t.token({ role: 'volunteer', volunteerId: 'V001' });
    await refused(400, 'caseId', () => t.api('GET', `/v1/cases/${LONG_ID}`, { headers: { 'x-tracking-code': 'ABCDEFGHJK' } }));
    await refused(400, 'caseId', () => t.api('GET', `/v1/cases/${LONG_ID}`, { token: admin }));
    await refused(400, 'caseId', () => t.api('POST', `/v1/cases/${LONG_ID}/actions`, { token: admin, body: { type: 'accept' } }));
    await refused(400, 'wishId', () => t.api('GET', `/v1/wishes/${LONG_ID}`, { token: admin }));
    await refused(400, 'wishId', () => t.api('POST', `/v1/wishes/${LONG_ID}/actions`, { token: admin, body: { type: 'claim' } }));
    await refused(400, 'visitId', () => t.api('POST', `/v1/visits/${LONG_ID}/check-in`, { token: volunteer }));
    await refused(400, 'visitId', () => t.api('POST', `/v1/visits/${LONG_ID}/check-out`, { token: volunteer, body: { wellbeing: 'ok', note: '一切正常' } }));
    await refused(400, 'id', () => t.api('POST', `/v1/admin/attention/case/${LONG_ID}/resume`, { token: admin }));
  });

  it('refuses an execution id longer than Step Functions allows (80) before asking it: AWS would answer InvalidArn', async () => {
    await refused(400, 'executionId', () => t.api('GET', `/v1/admin/workflows/weekly-roster/executions/${'A'.repeat(81)}`, { token: admin }));
    const longest = await t.api('GET', `/v1/admin/workflows/weekly-roster/executions/${'A'.repeat(80)}`, { token: admin });
    expect(longest.status).toBe(404);
  });

  it('refuses a garbage or foreign wishes cursor with 400 cursor', async () => {
    await refused(400, 'cursor', () => t.api('GET', '/v1/wishes?cursor=garbage'));
    const foreign = Buffer.from(JSON.stringify({ pk: 'CASE#261123-AAAAA', sk: 'META', gsi1pk: 'WORKLIST#G01', gsi1sk: 'x' })).toString('base64url');
    await refused(400, 'cursor', () => t.api('GET', `/v1/wishes?cursor=${foreign}`));
  });

  it('reads a repeated query parameter as API Gateway passes it (values joined by commas), so it is refused, not silently narrowed', async () => {
    await refused(400, 'limit', () => t.api('GET', '/v1/wishes?limit=5&limit=6'));
  });

  it('a cursor the API handed out still pages', async () => {
    for (const title of ['一台收音机', '一副老花镜']) {
      const created = await t.api('POST', '/v1/wishes', { token: admin, body: wish({ title }) });
      expect(created.status).toBe(201);
      await t.stack.settle();
      const vet = await t.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: admin, body: { type: 'vet', approved: true, note: '核实无误' } });
      expect(vet.status).toBe(202);
      await t.stack.settle();
    }
    const first = await t.api('GET', '/v1/wishes?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.api('GET', `/v1/wishes?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].wishId).not.toBe(first.body.items[0].wishId);
    // A cursor of the all-grids queue is foreign to one grid's queue.
    await refused(400, 'cursor', () => t.api('GET', `/v1/wishes?limit=1&gridId=G01&cursor=${first.body.nextCursor}`));
  });

  it('refuses numbers DynamoDB cannot store or that make no sense: lat/lng, money', async () => {
    await refused(400, 'location.lat', () => t.api('POST', '/v1/cases', { body: report({ location: { lat: 1e-131, lng: 113.6 } }) }));
    await refused(400, 'location.lng', () => t.api('POST', '/v1/cases', { body: report({ location: { lat: 34.7, lng: 1e-200 } }) }));
    await refused(400, 'estimatedCost', () => t.api('POST', '/v1/wishes', { token: admin, body: wish({ estimatedCost: 1e-131 }) }));
    await refused(400, 'estimatedCost', () => t.api('POST', '/v1/wishes', { token: admin, body: wish({ estimatedCost: 12.345 }) }));
    await refused(400, 'estimatedCost', () => t.api('POST', '/v1/wishes', { token: admin, body: wish({ estimatedCost: -1 }) }));
  });

  it('refuses visits ranges that are not real times or run backwards', async () => {
    await refused(400, 'from', () => t.api('GET', '/v1/visits?elderId=E001&from=9999&to=0000', { token: admin }));
    await refused(400, 'to', () => t.api('GET', '/v1/visits?elderId=E001&from=2026-11-23&to=2026-02-30', { token: admin }));
    await refused(400, 'from', () => t.api('GET', '/v1/visits?elderId=E001&from=2026-11-30&to=2026-11-23', { token: admin }));
    const ok = await t.api('GET', '/v1/visits?elderId=E001&from=2026-11-23&to=2026-11-30T23:59:59%2B08:00', { token: admin });
    expect(ok.status).toBe(200);
  });

  it('refuses malformed percent-encoding in a path with 400 in the documented error shape', async () => {
    const res = await refused(400, 'caseId', () => t.api('GET', '/v1/cases/%ZZ', { headers: { 'x-tracking-code': 'ABCDEFGHJK' } }));
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses metrics dates that are not exact calendar days', async () => {
    await refused(400, 'from', () => t.api('GET', '/v1/metrics?from=2026-13-45&to=2026-12-31', { token: admin }));
    await refused(400, 'to', () => t.api('GET', '/v1/metrics?from=2026-11-01&to=2026-11-30garbage', { token: admin }));
    await refused(400, 'to', () => t.api('GET', '/v1/metrics?from=2026-02-01&to=2026-02-30', { token: admin }));
    expect((await t.api('GET', '/v1/metrics?from=2026-11-01&to=2026-11-30', { token: admin })).status).toBe(200);
  });

  it('answers 415 to a body that is not exactly application/json', async () => {
    for (const type of ['application/json-seq', 'application/jsonx', 'text/json', 'application/problem+json']) {
      await refused(415, undefined, () => t.api('POST', '/v1/cases', { body: report(), headers: { 'content-type': type } }));
    }
    const ok = await t.api('POST', '/v1/cases', { body: report(), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(ok.status).toBe(201);
  });
});
