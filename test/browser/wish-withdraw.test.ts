import { DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { seriousViolations } from '../support/axe';
import { openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

/** A grid worker withdraws a claimed wish in the browser: its workflow ends, the claimant is told. */
describe('a grid worker withdraws a wish', () => {
  jest.setTimeout(120_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  beforeAll(async () => {
    world = await startConsole();
  });
  afterAll(() => world?.stop());

  it('with a reason: the wish reads 已撤回, its workflow has ended, and the volunteer who claimed it gets an SMS', async () => {
    const { t } = world;
    const worker = await t.token({ role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' });
    const v = DEMO_VOLUNTEERS[0]!;
    const volunteer = await t.token({ role: 'volunteer', volunteerId: v.volunteerId, sub: `vol-${v.volunteerId}` });
    const created = await t.api('POST', '/v1/wishes', {
      token: worker,
      body: { beneficiary: { name: '王秀英', phone: '13512340777', gridId: 'G01' }, group: 'elder', category: '生活用品', title: '一台收音机', description: '想听戏', claimantsNeeded: 1 },
    });
    expect(created.status).toBe(201);
    const wishId = created.body.wishId as string;
    await t.stack.settle();
    expect((await t.api('POST', `/v1/wishes/${wishId}/actions`, { token: worker, body: { type: 'vet', approved: true, note: '属实' } })).status).toBe(202);
    await t.stack.settle();
    expect((await t.api('POST', `/v1/wishes/${wishId}/actions`, { token: volunteer, body: { type: 'claim' } })).status).toBe(202);
    await t.stack.settle();

    const { page, errors, context } = await openPage(world.browser, world.url, PHONE);
    await signInAs(page, /网格员/);
    await page.goto(`/grid/wishes/${wishId}`);
    await page.getByRole('heading', { name: '撤回心愿' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('撤回原因').fill('受助人已搬到子女家');
    await shoot(page, 'wish-withdraw', '01-withdraw-phone');
    await page.getByRole('button', { name: '撤回心愿' }).click();
    await page.getByTestId('wish-status').filter({ hasText: '已撤回' }).waitFor();
    await shoot(page, 'wish-withdraw', '02-withdrawn-phone');
    await t.stack.settle();
    const execution = t.stack.stepFunctions.list(t.stack.stateMachineArn('wish')).find((e) => e.name === wishId);
    expect(execution?.status).toBe('SUCCEEDED');
    expect(t.outbox().filter((m) => m.text.includes(wishId) && m.text.includes('撤回') && m.to.endsWith(v.phone.slice(-4)))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
