import { SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { startTestStack, type TestStack } from '../support/local-stack';

/**
 * "An action on an entity whose execution is gone or failed is never answered 202": nobody would take
 * the decision, so the answer is 409 WORKFLOW_NOT_RUNNING and nothing is recorded.
 */
describe('acting on an entity whose workflow has stopped', () => {
  let t: TestStack;
  let sfn: SFNClient;
  beforeAll(async () => {
    t = await startTestStack();
    sfn = new SFNClient({ endpoint: t.stack.endpoints.stepFunctions, region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  }, 60_000);
  afterAll(() => t?.stop());

  const stop = (machine: string, name: string) =>
    sfn.send(new StopExecutionCommand({ executionArn: `${t.stack.stateMachineArn(machine).replace(':stateMachine:', ':execution:')}:${name}`, error: 'Test.Stopped' }));
  const gridWorker = () => t.token({ role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' });

  async function newCase(n: number): Promise<string> {
    const res = await t.api('POST', '/v1/cases', {
      body: { category: 'road-damage', description: '路面破损需要修补', location: { gridId: 'G01', address: `停止测试小区${n}号楼` }, reporter: { phone: `1360000000${n}` } },
    });
    expect(res.status).toBe(201);
    return res.body.caseId as string;
  }

  it.each([
    ['while its step is open', true],
    ['before its step has opened', false],
  ])('a case: %s', async (_label, settleFirst) => {
    const caseId = await newCase(settleFirst ? 1 : 2);
    if (settleFirst) await t.stack.settle();
    await stop('caseLifecycle', caseId);
    await t.stack.settle();
    const before = (await t.api('GET', `/v1/cases/${caseId}`, { token: await gridWorker() })).body;

    const res = await t.api('POST', `/v1/cases/${caseId}/actions`, { token: await gridWorker(), body: { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' } });

    expect(res).toMatchObject({ status: 409, body: { error: { code: 'WORKFLOW_NOT_RUNNING' } } });
    expect((await t.api('GET', `/v1/cases/${caseId}`, { token: await gridWorker() })).body).toEqual(before);
  });

  it('a wish', async () => {
    const created = await t.api('POST', '/v1/wishes', {
      token: await gridWorker(),
      body: { beneficiary: { name: '受助人', gridId: 'G01' }, group: 'elder', category: '生活用品', title: '一台电暖器', description: '冬天屋里冷' },
    });
    await t.stack.settle();
    await stop('wish', created.body.wishId);
    await t.stack.settle();

    const res = await t.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: await gridWorker(), body: { type: 'vet', approved: true, note: '情况属实' } });

    expect(res).toMatchObject({ status: 409, body: { error: { code: 'WORKFLOW_NOT_RUNNING' } } });
    expect((await t.api('GET', `/v1/wishes/${created.body.wishId}`, { token: await gridWorker() })).body.status).toBe('submitted');
  });
});
