import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_GRIDS, DEMO_STAFF } from '../../local/seed/demo-data';
import { startTestStack, type TestStack } from '../support/local-stack';

const REPORTER_PHONE = '13912345678';
const report = (overrides: Record<string, unknown> = {}) => ({
  category: 'road-damage',
  description: '金水苑门口路面塌陷，有一个大坑',
  location: { address: '金水苑3号楼门口' },
  reporter: { phone: REPORTER_PHONE, name: '张三' },
  ...overrides,
});

describe('vertical slice over HTTP on the local stack', () => {
  let t: TestStack;
  let sfn: SFNClient;
  let db: DynamoDBDocumentClient;
  const table = 'minqing-local-main';

  beforeAll(async () => {
    t = await startTestStack();
    sfn = new SFNClient({ endpoint: t.stack.endpoints.stepFunctions, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    db = t.db();
  });
  afterAll(async () => {
    sfn.destroy();
    db.destroy();
    await t.stop();
  });

  const countCases = async () => {
    const executions = t.stack.stepFunctions.list(t.stack.stateMachineArn('caseLifecycle'));
    return executions.length;
  };

  it('reports healthy with the virtual time', async () => {
    const res = await t.api('GET', '/local/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, now: '2026-11-23T09:00:00+08:00' });
  });

  it('serves its OpenAPI document', async () => {
    const res = await t.api('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: '3.1.0', paths: { '/v1/cases': { post: { requestBody: expect.any(Object) } } } });
  });

  it('lists categories and grids without an account', async () => {
    const categories = await t.api('GET', '/v1/categories');
    expect(categories.status).toBe(200);
    expect(categories.body).toEqual(expect.arrayContaining([{ code: 'road-damage', name: '道路破损', group: '市容环境', priority: 'general', departmentId: 'urban' }]));
    const grids = await t.api('GET', '/v1/grids');
    expect(grids.body).toHaveLength(DEMO_GRIDS.length);
    expect(Object.keys(grids.body[0]).sort()).toEqual(['communityId', 'communityName', 'gridId', 'name', 'shape']);
    expect(grids.body[0].shape).toMatchObject({ type: 'Polygon', coordinates: [expect.any(Array)] });
  });

  it('takes a report, texts the grid worker and waits for the grid check; the stored token moves it on', async () => {
    const created = await t.api('POST', '/v1/cases', { body: report() });
    expect(created.status).toBe(201);
    const { caseId, trackingCode } = created.body;
    expect(created.body).toMatchObject({ status: 'submitted', priority: 'general', dueAt: '2026-11-30T09:00:00+08:00' });
    await t.stack.settle();

    const view = await t.api('GET', `/v1/cases/${caseId}`, { headers: { 'x-tracking-code': trackingCode } });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ caseId, status: 'grid-check', gridId: 'G01', reopenCount: 0 });
    expect(view.body.timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'grid-check']);
    expect(JSON.stringify(view.body)).not.toMatch(/张三|13912345678|金水苑3号楼/);

    const worker = DEMO_STAFF.find((s) => s.staffId === DEMO_GRIDS[0]!.workerStaffId)!;
    // This case's messages: other tests (in whatever order) report in G01 from the same phone too.
    const toWorker = t.outbox(worker.phone).filter((m) => m.text.includes(caseId));
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]!.text).toContain(caseId);
    expect(toWorker[0]!.text.length).toBeLessThanOrEqual(70);
    expect(toWorker[0]!.text).not.toMatch(/AQ[\w-]{20,}/);
    expect(t.outbox(REPORTER_PHONE).filter((m) => m.text.includes(caseId))[0]!.text).toContain(trackingCode);

    const step = await db.send(new GetCommand({ TableName: table, Key: { pk: `CASE#${caseId}`, sk: 'STEP#grid-check' } }));
    const executionArn = `${t.stack.stateMachineArn('caseLifecycle').replace(':stateMachine:', ':execution:')}:${caseId}`;
    await sfn.send(new SendTaskSuccessCommand({ taskToken: step.Item!.taskToken, output: JSON.stringify({ outcome: 'needs-dispatch', duplicateOf: null }) }));
    await t.stack.settle();
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    const moved = await t.api('GET', `/v1/cases/${caseId}`, { headers: { 'x-tracking-code': trackingCode } });
    expect(moved.body).toMatchObject({ status: 'dispatched', departmentId: 'urban' });

    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const historyText = JSON.stringify(history.events);
    expect(historyText).toContain(caseId);
    expect(historyText).not.toMatch(/13912345678|张三|金水苑/);
    expect(historyText).not.toContain(worker.phone.slice(3));
  });

  it('lets staff in scope read the case and keeps others out', async () => {
    const { body } = await t.api('POST', '/v1/cases', { body: report({ location: { gridId: 'G02' } }) });
    const own = await t.token({ role: 'grid-worker', grids: ['G02'] });
    const other = await t.token({ role: 'grid-worker', grids: ['G03'] });
    expect((await t.api('GET', `/v1/cases/${body.caseId}`, { token: own })).status).toBe(200);
    expect((await t.api('GET', `/v1/cases/${body.caseId}`, { token: other })).status).toBe(403);
    expect((await t.api('GET', `/v1/cases/${body.caseId}`)).status).toBe(401);
    expect((await t.api('GET', `/v1/cases/${body.caseId}`, { headers: { 'x-tracking-code': 'WRONGCODE1' } })).status).toBe(404);
    expect((await t.api('GET', `/v1/cases/${body.caseId}`, { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('answers a retried submission with the same case, once', async () => {
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const body = report({ location: { address: '龙首小区2号楼' } });
    const first = await t.api('POST', '/v1/cases', { body, headers });
    const second = await t.api('POST', '/v1/cases', { body, headers });
    expect(second.status).toBe(201);
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(second.body.trackingCode).toBeUndefined();
    await t.stack.settle();
    expect(t.outbox(REPORTER_PHONE).filter((m) => m.text.includes(first.body.caseId))).toHaveLength(1);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"category":' }, 400, 'MALFORMED_JSON', '(body)'],
    ['a missing field', { body: report({ description: undefined }) }, 400, 'VALIDATION_FAILED', 'description'],
    ['a wrong type', { body: report({ anonymous: 'yes' }) }, 400, 'VALIDATION_FAILED', 'anonymous'],
    ['an unknown category', { body: report({ category: 'ufo-sighting' }) }, 400, 'UNKNOWN_CATEGORY', 'category'],
    ['an unknown grid', { body: report({ location: { gridId: 'G99' } }) }, 400, 'UNKNOWN_GRID', 'location.gridId'],
    ['an oversize body', { body: report({ description: '坑'.repeat(20000) }) }, 413, 'PAYLOAD_TOO_LARGE', undefined],
  ])('rejects %s with a 4xx naming the field, and writes nothing', async (_label, request, status, code, field) => {
    // What earlier tests (in whatever order) set going has been delivered before counting.
    await t.stack.settle();
    const before = await countCases();
    const outboxBefore = t.outbox().length;
    const res = await t.api('POST', '/v1/cases', request);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (field) expect(Object.keys(res.body.error.fields)).toContain(field);
    await t.stack.settle();
    expect(await countCases()).toBe(before);
    expect(t.outbox()).toHaveLength(outboxBefore);
    const stored = await db.send(new QueryCommand({ TableName: table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'WORK#GRID#G99' } }));
    expect(stored.Items).toHaveLength(0);
  });

  it('refuses tokens the issuer did not sign', async () => {
    const forged = (await t.token({ role: 'admin' })).replace(/\.[^.]+$/, '.c2lnbmF0dXJl');
    expect((await t.api('GET', '/v1/cases/261123-XXXXX', { token: forged })).status).toBe(401);
  });
});
