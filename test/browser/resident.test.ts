import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot } from '../support/browser';
import { DEMO_GRIDS } from '../../local/seed/demo-data';
import { CaseFlow } from '../support/case-flow';
import { startConsole } from '../support/console-stack';

const JOURNEY = 'resident';
const PHONE_NUMBER = '13912345678';
const WISHES = 11;

/**
 * A resident with no account, on a phone: reports a problem (a missing description is named beside its
 * field and creates nothing), keeps the case id and tracking code, tracks the case, is told plainly when
 * the code is wrong, and rates the case once staff have done their part; the case closes. The public
 * wish list pages with 加载更多. Screenshots at phone size, and desktop once per page; axe clean.
 */
describe('the resident: report, track, rate, and the public wish list', () => {
  jest.setTimeout(240_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  let flow: CaseFlow;
  beforeAll(async () => {
    world = await startConsole();
    browser = world.browser;
    flow = new CaseFlow(world.t);
  });
  afterAll(() => world?.stop());

  const receipts = async () => {
    await world.t.stack.settle();
    return world.t.outbox(`+86${PHONE_NUMBER}`).filter((m) => m.text.includes('已收到您的诉求'));
  };
  const statusOf = (page: Page) => page.locator('#status-heading').textContent();

  it('reports on a phone: a field error beside its field and nothing created, then the case id and tracking code', async () => {
    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await page.goto('/report');
    await page.getByLabel('问题类别').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '01-report-form-phone');

    await page.getByLabel('问题类别').selectOption('road-damage');
    await page.getByLabel('所在网格（选填）').selectOption('G01');
    await page.getByLabel('详细地址（选填）').fill('金水苑3号楼门口');
    await page.getByLabel('手机号', { exact: true }).fill(PHONE_NUMBER);
    await page.getByLabel('怎么称呼您（选填）').fill('王阿姨');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.locator('#report-description-error').waitFor();
    expect(await page.getByLabel('问题描述').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-description:focus').count()).toBe(1);
    expect(await page.getByRole('alert').textContent()).toMatch(/请按提示修改后再提交/);
    expect(await receipts()).toHaveLength(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '02-report-field-error-phone');

    await page.getByLabel('问题描述').fill('小区门口路面塌了一个坑，晚上看不清，已经有人摔倒。');
    // A double tap sends one report (the button is busy at once, and the form's Idempotency-Key backs it).
    await page.getByRole('button', { name: '提交诉求' }).dblclick();
    await page.getByRole('heading', { name: '请保存好诉求编号和查询码' }).waitFor();
    const caseId = (await page.getByTestId('case-id').textContent())!.trim();
    const trackingCode = (await page.getByTestId('tracking-code').textContent())!.trim();
    expect(caseId).toMatch(/^\d{6}-[0-9A-Z]{5}$/);
    expect(trackingCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(await receipts()).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '03-report-receipt-phone');

    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL((u) => u.pathname === `/track/${caseId}`);
    await page.locator('#status-heading').waitFor();
    expect(page.url()).not.toContain(trackingCode);
    expect(await page.getByRole('listitem').filter({ hasText: '提交诉求' }).count()).toBe(1);
    expect(await page.getByText('经网站提交').count()).toBe(1);
    expect(await page.getByText('道路破损').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '04-track-submitted-phone');
    expect(errors).toEqual([]);
    await context.close();

    // Another tab (its own sessionStorage), from the short path a text can carry: the code is typed in.
    await world.t.stack.settle();
    const second = await openPage(browser, world.url, PHONE);
    await trackFromText(second.page, caseId, trackingCode);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  /** /t/<caseId>: a wrong code is said plainly, the right one shows the case's progress. */
  async function trackFromText(page: Page, caseId: string, trackingCode: string) {
    await page.goto(`/t/${caseId}`);
    await page.waitForURL((u) => u.pathname === `/track/${caseId}`);
    expect(await page.getByLabel('诉求编号').inputValue()).toBe(caseId);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '05-track-enter-code-phone');

    await page.getByLabel('查询码').fill('WRONGCODE1');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').filter({ hasText: '诉求编号或查询码不正确' }).waitFor();
    expect(await page.content()).not.toMatch(/NOT_FOUND|"error"|\[object/);
    expect(await page.getByLabel('查询码').inputValue()).toBe('');
    await shoot(page, JOURNEY, '06-track-wrong-code-phone');

    await page.getByLabel('查询码').fill(trackingCode.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#status-heading').waitFor();
    expect(page.url()).not.toContain(trackingCode);
    // The workflow has moved on: the grid worker is asked to check, and the page says so.
    expect(await statusOf(page)).toBe('网格员正在核实');
    expect(await page.getByRole('listitem').filter({ hasText: '网格员核实' }).count()).toBeGreaterThan(0);
  }

  it('rates a case once staff have done their part (driven over the API); 满意 closes it', async () => {
    const { caseId, trackingCode } = await flow.submit();
    await flow.actOk(caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '路面确有塌陷' });
    await flow.actOk(caseId, 'urban', { type: 'accept' });
    await flow.actOk(caseId, 'urban', { type: 'resolve', note: '已回填修补路面' });
    await flow.actOk(caseId, 'gridG01', { type: 'verify', passed: true, note: '现场确认已修好' });
    expect((await flow.view(caseId)).status).toBe('feedback');

    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await page.goto('/track');
    await page.getByLabel('诉求编号').fill(caseId.replace('-', '').toLowerCase());
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((u) => u.pathname === `/track/${caseId}`);
    await page.getByRole('heading', { name: '您对办理结果满意吗？' }).waitFor();
    expect(await statusOf(page)).toBe('已办结，请您评价');
    expect(await page.getByText('选“不满意”，诉求将重新派给部门办理').count()).toBe(1);
    expect(await page.getByText('已回填修补路面').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '07-track-rate-phone');

    await page.getByLabel('想说的话（选填）').fill('修得很快，谢谢');
    await page.getByRole('button', { name: '满意', exact: true }).click();
    await page.getByText('感谢您的评价（满意），诉求将结案。').waitFor();
    await world.t.stack.settle();
    await page.getByRole('button', { name: '刷新进度' }).click();
    await page.locator('#status-heading', { hasText: '已办结' }).filter({ hasNotText: '请您评价' }).waitFor();
    expect(await page.getByRole('heading', { name: '您对办理结果满意吗？' }).count()).toBe(0);
    expect(await page.getByText('问题已解决').count()).toBeGreaterThan(0);
    expect((await flow.view(caseId)).status).toBe('closed');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '08-track-closed-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('使用我的位置: a refusal is answered politely; a position alone places the report (routed to the grid it lies in)', async () => {
    const refused = await openPage(browser, world.url, PHONE);
    await refused.context.clearPermissions();
    await refused.page.goto('/report');
    await refused.page.getByRole('button', { name: '使用我的位置' }).click();
    await refused.page.getByText('您没有允许本网站获取位置').waitFor();
    await shoot(refused.page, JOURNEY, '14-report-location-refused-phone');
    expect(refused.errors).toEqual([]);
    await refused.context.close();

    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    const g01 = DEMO_GRIDS.find((g) => g.gridId === 'G01')!;
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: g01.centroid.lat, longitude: g01.centroid.lng, accuracy: 20 });
    await page.goto('/report');
    await page.getByLabel('问题类别').selectOption('streetlight');
    await page.getByLabel('问题描述').fill('楼下路灯三天没亮了');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.getByText('已获取您的位置').waitFor();
    await page.getByLabel('手机号', { exact: true }).fill('13912340001');
    await page.getByLabel(/匿名反映/).check();
    expect(await page.getByLabel('怎么称呼您（选填）').count()).toBe(0);
    await shoot(page, JOURNEY, '15-report-my-location-phone');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByRole('heading', { name: '请保存好诉求编号和查询码' }).waitFor();
    await world.t.stack.settle();
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.getByText(`${g01.communityName} ${g01.name}`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the public wish list: no names, phones or addresses, 加载更多 brings the next page', async () => {
    const worker = await flow.token('gridG01');
    for (let i = 1; i <= WISHES; i += 1) {
      const created = await world.t.api('POST', '/v1/wishes', {
        token: worker,
        body: { beneficiary: { name: `受助人${i}`, phone: '13800007777', gridId: 'G01' }, group: 'elder', category: '生活用品', title: `心愿${i}：一条厚棉被`, description: `住在金水苑${i}号楼，冬天屋里冷` },
      });
      expect(created.status).toBe(201);
      await world.t.stack.settle();
      const vetted = await world.t.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: worker, body: { type: 'vet', approved: true, note: '情况属实' } });
      expect(vetted.status).toBe(202);
    }
    await world.t.stack.settle();

    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await page.goto('/wishes');
    const cards = page.getByRole('list', { name: '待认领的心愿' }).getByRole('listitem');
    await cards.first().waitFor();
    const firstPage = await cards.count();
    expect(firstPage).toBeLessThan(WISHES);
    await page.getByRole('link', { name: '登录后认领' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '09-wishes-phone');
    await page.getByRole('button', { name: '加载更多' }).click();
    await cards.nth(firstPage).waitFor();
    expect(await cards.count()).toBe(WISHES);
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    const text = await page.locator('main').textContent();
    expect(text).not.toMatch(/受助人\d|13800007777|号楼/);
    await shoot(page, JOURNEY, '10-wishes-more-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the three pages at desktop size, axe clean', async () => {
    const { caseId, trackingCode } = await flow.submit();
    const { page, errors, context } = await openPage(browser, world.url, DESKTOP);
    await page.goto('/report');
    await page.getByLabel('问题类别').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '11-report-desktop');
    await page.goto('/track');
    await page.getByLabel('查询码').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('诉求编号').fill(caseId);
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#status-heading').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '12-track-desktop');
    await page.goto('/wishes');
    await page.getByRole('link', { name: '登录后认领' }).waitFor();
    await page.getByText('加载中…').waitFor({ state: 'hidden' });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '13-wishes-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });
});
