import type { Browser, Page } from 'playwright-core';
import { DEMO_GRIDS, DEMO_STAFF } from '../../local/seed/demo-data';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

const JOURNEY = 'wish-journey';
const worker = DEMO_STAFF.find((s) => s.role === 'grid-worker' && s.grids[0] === DEMO_GRIDS[0]!.gridId)!;
const VOLUNTEER = 'V003';
const TITLE = '想要一台收音机听戏';

/**
 * A micro-wish from start to end in the browser: a grid worker registers it and vets it, a volunteer
 * (their own page) claims it, marks contact and fulfils it, the grid worker confirms it; the wish reads
 * confirmed and the volunteer's points page shows the wish's points.
 */
describe('a wish created, vetted, claimed, fulfilled and confirmed in the browser', () => {
  jest.setTimeout(180_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  beforeAll(async () => {
    world = await startConsole();
    browser = world.browser;
  });
  afterAll(() => world?.stop());

  const wishStatus = (page: Page) => page.getByTestId('wish-status');

  it('walks the whole journey', async () => {
    const grid = await openPage(browser, world.url, PHONE);
    await signInAs(grid.page, `网格员 ${worker.name}`);

    // The grid worker registers a wish; a missing title is named beside its field first.
    await grid.page.goto('/grid/wishes');
    await grid.page.getByRole('heading', { name: '等待我处理' }).waitFor();
    await grid.page.getByText('暂无等待审核或确认的心愿。').waitFor();
    expect(await seriousViolations(grid.page)).toEqual([]);
    await shoot(grid.page, JOURNEY, '01-grid-wishes-phone');
    await grid.page.getByRole('link', { name: '登记新心愿' }).click();
    await grid.page.getByLabel('受助人姓名').fill('李奶奶');
    await grid.page.getByLabel('受助人电话（可不填）').fill('13800009001');
    await grid.page.getByLabel('受助群体').selectOption('elder');
    await grid.page.getByLabel('类别').selectOption('生活用品');
    await grid.page.getByLabel('心愿描述').fill('独居老人眼睛不好，想用收音机听戏曲和新闻。');
    await grid.page.getByLabel('预计费用（元，可不填）').fill('120');
    await grid.page.getByRole('button', { name: '提交登记' }).click();
    await grid.page.locator('.field-error').first().waitFor();
    expect(await grid.page.getByLabel('心愿标题').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(grid.page)).toEqual([]);
    await shoot(grid.page, JOURNEY, '02-new-wish-field-error-phone');
    await grid.page.getByLabel('心愿标题').fill(TITLE);
    await grid.page.getByRole('button', { name: '提交登记' }).click();
    await grid.page.waitForURL(/\/grid\/wishes\/[^/]+\?new=1$/);
    const wishId = new URL(grid.page.url()).pathname.split('/').pop()!;
    await grid.page.getByText('已登记，等待审核。').waitFor();
    expect(await wishStatus(grid.page).textContent()).toBe('待审核');
    expect(await seriousViolations(grid.page)).toEqual([]);
    await shoot(grid.page, JOURNEY, '03-wish-to-vet-phone');

    // It waits in the grid's list; the grid worker approves it.
    await grid.page.goto('/grid/wishes');
    await grid.page.getByRole('link', { name: TITLE }).click();
    await grid.page.getByLabel('审核意见').fill('已入户核实，情况属实');
    await grid.page.getByRole('button', { name: '提交审核' }).click();
    await grid.page.getByText('已审核通过').waitFor();
    await world.t.stack.settle();
    await grid.page.reload();
    await wishStatus(grid.page).getByText('待认领').waitFor();
    await shoot(grid.page, JOURNEY, '04-wish-published-phone');

    // A volunteer claims it on their own page, marks contact, and fulfils it with a note.
    const vol = await openPage(browser, world.url, PHONE);
    await signInAs(vol.page, `志愿者 ${VOLUNTEER}`);
    await vol.page.goto('/volunteer/wishes');
    await vol.page.getByRole('button', { name: `认领：${TITLE}` }).waitFor();
    expect(await vol.page.content()).not.toContain('李奶奶');
    expect(await vol.page.content()).not.toContain('13800009001');
    expect(await seriousViolations(vol.page)).toEqual([]);
    await shoot(vol.page, JOURNEY, '05-volunteer-wishes-phone');
    await vol.page.getByRole('button', { name: `认领：${TITLE}` }).click();
    await vol.page.getByText(`已认领“${TITLE}”`).waitFor();
    await world.t.stack.settle();
    const mine = vol.page.getByRole('listitem', { name: `我的认领：${TITLE}` });
    await mine.getByText('已认领，待联系').waitFor();
    await shoot(vol.page, JOURNEY, '06-claimed-phone');
    await mine.getByRole('button', { name: '已联系对接' }).click();
    await mine.getByText('已联系，待完成').waitFor();
    await world.t.stack.settle();
    await mine.getByRole('button', { name: '标记完成' }).click();
    await mine.getByLabel('完成情况').fill('收音机已送到老人家中，教会了使用');
    expect(await seriousViolations(vol.page)).toEqual([]);
    await shoot(vol.page, JOURNEY, '07-fulfil-phone');
    await mine.getByRole('button', { name: '确认完成' }).click();
    await mine.getByText('已完成', { exact: true }).waitFor();
    await world.t.stack.settle();

    // The grid worker sees it waiting to be confirmed, and confirms it.
    await grid.page.goto('/grid/wishes');
    await grid.page.getByText('待确认').waitFor();
    await grid.page.getByRole('link', { name: TITLE }).click();
    await wishStatus(grid.page).getByText('已完成待确认').waitFor();
    await grid.page.getByText(`志愿者 ${VOLUNTEER}`).waitFor();
    await grid.page.getByLabel('核实情况（可不填）').fill('电话回访，老人已收到');
    await grid.page.getByRole('button', { name: '确认已完成' }).click();
    await grid.page.getByText('已确认完成').waitFor();
    await world.t.stack.settle();
    await grid.page.reload();
    await wishStatus(grid.page).getByText('已确认').waitFor();
    expect(await seriousViolations(grid.page)).toEqual([]);
    await shoot(grid.page, JOURNEY, '08-confirmed-phone');

    // The volunteer's points page shows the wish's 15 points.
    await vol.page.goto('/volunteer/points');
    const entry = vol.page.getByRole('listitem').filter({ hasText: wishId });
    await entry.getByText('+15').waitFor();
    expect(await vol.page.locator('.total strong').first().textContent()).toBe('15');
    expect(await seriousViolations(vol.page)).toEqual([]);
    await shoot(vol.page, JOURNEY, '09-points-phone');
    expect(grid.errors).toEqual([]);
    expect(vol.errors).toEqual([]);
    await grid.context.close();
    await vol.context.close();

    // The grid's page on a desktop once.
    const desk = await openPage(browser, world.url, DESKTOP);
    await signInAs(desk.page, `网格员 ${worker.name}`);
    await desk.page.goto(`/grid/wishes/${wishId}`);
    await wishStatus(desk.page).getByText('已确认').waitFor();
    await shoot(desk.page, JOURNEY, '10-confirmed-desktop');
    await desk.context.close();
  });

  it('a claim that lost the last place to someone else is explained in Chinese, and the wish leaves the list', async () => {
    const { t } = world;
    const gw = await t.token({ role: 'grid-worker', grids: [worker.grids[0]!], sub: worker.staffId });
    const title = '想要一副老花镜';
    const created = await t.api<{ wishId: string }>('POST', '/v1/wishes', { token: gw, body: { beneficiary: { name: '王爷爷', gridId: worker.grids[0] }, group: 'elder', category: '生活用品', title, description: '看报纸时看不清字' } });
    expect(created.status).toBe(201);
    await t.stack.settle();
    expect((await t.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: gw, body: { type: 'vet', approved: true, note: '属实' } })).status).toBe(202);
    await t.stack.settle();

    const vol = await openPage(browser, world.url, PHONE);
    await signInAs(vol.page, '志愿者 V004');
    await vol.page.goto('/volunteer/wishes');
    const claim = vol.page.getByRole('button', { name: `认领：${title}` });
    await claim.waitFor();
    const other = await t.token({ role: 'volunteer', volunteerId: 'V005', sub: 'vol-V005' });
    expect((await t.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: other, body: { type: 'claim' } })).status).toBe(202);
    await claim.click();
    const alert = vol.page.getByRole('alert').filter({ hasText: `未能认领“${title}”` });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await alert.textContent()).not.toMatch(/\{|error|undefined/i);
    await claim.waitFor({ state: 'detached' });
    await shoot(vol.page, JOURNEY, '11-claim-refused-phone');
    expect(vol.errors).toEqual([]);
    await vol.context.close();
  });
});
