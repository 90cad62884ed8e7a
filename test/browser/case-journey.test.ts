import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

/**
 * A case's whole life in the browser: the resident (phone, no account: /report, then /track with the
 * code kept in their tab), the grid worker (phone) and the department (desktop), each in a page of
 * their own, staff signed in through the picker.
 */
describe('the case journey in the console', () => {
  jest.setTimeout(300_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  beforeAll(async () => {
    world = await startConsole();
    browser = world.browser;
  });
  afterAll(() => world?.stop());

  const J = 'case-journey';

  async function stepForm(page: Page, caseId: string, stepName: string) {
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 3, name: new RegExp(stepName) }).waitFor();
  }

  async function submitted(page: Page) {
    await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
    await world.t.stack.settle();
  }

  it('reported → dispatched by the grid worker → accepted and resolved → verified → dissatisfied → reopened → round again → satisfied → closed', async () => {
    const t = world.t;
    // The resident reports on their phone and keeps the tracking code in that tab.
    const resident = await openPage(browser, world.url, PHONE);
    await resident.page.goto('/report');
    await resident.page.getByLabel('问题类别').selectOption('streetlight');
    await resident.page.getByLabel('所在网格（选填）').selectOption('G01');
    await resident.page.getByLabel('详细地址（选填）').fill('同心苑北门');
    await resident.page.getByLabel('问题描述').fill('同心苑北门路灯连续三晚不亮，夜里走路看不清');
    await resident.page.getByLabel('手机号', { exact: true }).fill('13712349001');
    await resident.page.getByRole('button', { name: '提交诉求' }).click();
    await resident.page.getByRole('heading', { name: '请保存好诉求编号和查询码' }).waitFor();
    const caseId = (await resident.page.getByTestId('case-id').textContent())!.trim();
    await shoot(resident.page, J, '00-resident-report-phone');
    await t.stack.settle();
    const feedback = async (rating: '满意' | '不满意', thanks: string, step: string) => {
      await resident.page.goto(`/track/${caseId}`);
      await resident.page.getByRole('heading', { name: '您对办理结果满意吗？' }).waitFor();
      await shoot(resident.page, J, step);
      await resident.page.getByRole('button', { name: rating, exact: true }).click();
      await resident.page.getByText(thanks).waitFor();
      await t.stack.settle();
    };

    const grid = await openPage(browser, world.url, PHONE);
    const dept = await openPage(browser, world.url, DESKTOP);

    // The grid worker of G01 finds the case on their worklist and dispatches it.
    await signInAs(grid.page, /^网格员.*第01网格$/);
    expect(new URL(grid.page.url()).pathname).toBe('/grid');
    const gridItem = grid.page.locator(`a[href="/cases/${caseId}"]`);
    await gridItem.waitFor();
    expect(await gridItem.textContent()).toBe('路灯不亮 · 现场核查');
    expect(await grid.page.getByText('还剩').count()).toBeGreaterThan(0);
    // The grid's wishes waiting for them are counted beside the cases, handled on the wishes tab.
    await grid.page.getByText(/待审核 \d+ 件，待确认完成 \d+ 件/).waitFor();
    await shoot(grid.page, J, '01-grid-worklist-phone');
    expect(await seriousViolations(grid.page)).toEqual([]);
    await gridItem.click();
    await grid.page.getByRole('heading', { level: 3, name: /现场核查/ }).waitFor();
    expect(await grid.page.getByText('网格员核查中').count()).toBeGreaterThan(0);
    // Only what waits for the grid worker now: no department or verification actions.
    expect(await grid.page.getByRole('button', { name: '签收' }).count()).toBe(0);
    expect(await grid.page.getByRole('button', { name: '核实通过' }).count()).toBe(0);
    await grid.page.getByLabel('需派单给职能部门').check();
    await grid.page.getByLabel('核查说明').fill('现场查看，路灯确实不亮，需城管更换');
    await shoot(grid.page, J, '02-grid-check-phone');
    expect(await seriousViolations(grid.page)).toEqual([]);
    await grid.page.getByRole('button', { name: '提交核查结果' }).click();
    await submitted(grid.page);
    await shoot(grid.page, J, '03-grid-check-done-phone');

    // The department accepts it from its worklist, then resolves it.
    await signInAs(dept.page, '城市管理局');
    expect(new URL(dept.page.url()).pathname).toBe('/dept');
    const deptItem = dept.page.locator(`a[href="/cases/${caseId}"]`);
    await deptItem.waitFor();
    expect(await deptItem.textContent()).toBe('路灯不亮 · 签收或退回');
    await shoot(dept.page, J, '04-dept-worklist-desktop');
    expect(await seriousViolations(dept.page)).toEqual([]);
    await deptItem.click();
    await dept.page.getByRole('heading', { level: 3, name: /签收或退回/ }).waitFor();
    expect(await seriousViolations(dept.page)).toEqual([]);
    await shoot(dept.page, J, '05-dept-accept-desktop');
    await dept.page.getByRole('button', { name: '签收' }).click();
    await submitted(dept.page);
    await stepForm(dept.page, caseId, '办理并答复');
    await dept.page.getByLabel('办理结果（将告知居民）').fill('已更换北门两盏路灯灯泡');
    await dept.page.getByRole('button', { name: '办结' }).click();
    await submitted(dept.page);
    await shoot(dept.page, J, '06-dept-resolved-desktop');

    // The grid worker verifies on site.
    await stepForm(grid.page, caseId, '核实办理结果');
    await grid.page.getByLabel('核实说明').fill('晚上复查，路灯已亮');
    await shoot(grid.page, J, '07-grid-verify-phone');
    await grid.page.getByRole('button', { name: '核实通过' }).click();
    await submitted(grid.page);

    // The resident is not satisfied: the case goes back to the department.
    await feedback('不满意', '已收到您的评价（不满意），诉求将重新派单办理，办好后会再请您评价。', '07b-resident-rates-dissatisfied-phone');
    await dept.page.goto('/dept');
    await deptItem.waitFor();
    await deptItem.click();
    await dept.page.getByRole('heading', { level: 3, name: /签收或退回/ }).waitFor();
    expect(await dept.page.locator('.timeline').textContent()).toContain('居民不满意，重新办理');
    await dept.page.locator('.facts').getByText('1', { exact: true }).waitFor();
    await shoot(dept.page, J, '08-dept-reopened-desktop');
    await dept.page.getByRole('button', { name: '签收' }).click();
    await submitted(dept.page);
    await stepForm(dept.page, caseId, '办理并答复');
    await dept.page.getByLabel('办理结果（将告知居民）').fill('更换了整套灯具并检修线路');
    await dept.page.getByRole('button', { name: '办结' }).click();
    await submitted(dept.page);

    await stepForm(grid.page, caseId, '核实办理结果');
    await grid.page.getByLabel('核实说明').fill('连续两晚复查，灯具正常');
    await grid.page.getByRole('button', { name: '核实通过' }).click();
    await submitted(grid.page);

    // Satisfied this time: closed, as the case page shows.
    await feedback('满意', '感谢您的评价（满意），诉求将结案。', '08b-resident-rates-again-phone');
    await grid.page.goto(`/cases/${caseId}`);
    await grid.page.locator('.facts').getByText('已办结', { exact: true }).waitFor();
    expect(await grid.page.getByText('此诉求当前没有等待您的操作。').count()).toBe(1);
    expect(await grid.page.locator('.facts').textContent()).toContain('已解决');
    await shoot(grid.page, J, '09-grid-closed-phone');
    expect(await seriousViolations(grid.page)).toEqual([]);
    await dept.page.goto(`/cases/${caseId}`);
    await dept.page.locator('.facts').getByText('已办结', { exact: true }).waitFor();
    await shoot(dept.page, J, '10-dept-closed-desktop');
    // The worklists are empty of it.
    await grid.page.goto('/grid');
    await grid.page.getByRole('heading', { level: 2, name: /^共 \d+ 件/ }).waitFor();
    expect(await gridItem.count()).toBe(0);

    await resident.page.goto(`/track/${caseId}`);
    await resident.page.locator('#status-heading', { hasText: '已办结' }).waitFor();
    await shoot(resident.page, J, '10b-resident-closed-phone');

    for (const p of [resident, grid, dept]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it('a department refuses with a suggested department, named; a second page still offering what was already done is told why in words and shows the case as it is', async () => {
    const t = world.t;
    const gridWorker = await t.token({ role: 'grid-worker', grids: ['G02'], sub: 'gw-G02' });
    const dispatched = async (category: string, description: string, address: string, phone: string) => {
      const report = await t.api('POST', '/v1/cases', { body: { category, description, location: { gridId: 'G02', address }, reporter: { phone } } });
      const { caseId } = report.body as { caseId: string };
      await t.stack.settle();
      const check = await t.api('POST', `/v1/cases/${caseId}/actions`, { token: gridWorker, body: { type: 'grid-check', outcome: 'needs-dispatch', note: '属实' } });
      expect({ status: check.status, body: check.body }).toEqual({ status: 202, body: expect.anything() });
      await t.stack.settle();
      return caseId;
    };
    const raced = await dispatched('road-damage', '小区门口路面塌陷一块，雨天积水', '金水苑南门', '13712349002');
    const refused = await dispatched('garbage', '楼前垃圾桶满了三天没人清运', '金水苑6号楼', '13712349003');

    const first = await openPage(browser, world.url, DESKTOP);
    const second = await openPage(browser, world.url, PHONE);
    for (const { page } of [first, second]) {
      await signInAs(page, '城市管理局');
      await page.goto(`/cases/${raced}`);
      await page.getByRole('heading', { level: 3, name: /签收或退回/ }).waitFor();
    }
    expect(await first.page.locator('.facts').textContent()).toContain('城市管理局');
    await first.page.getByRole('button', { name: '签收' }).click();
    await first.page.getByRole('status').filter({ hasText: '已提交：签收' }).waitFor();
    await t.stack.settle();
    // The other page still offers a refusal: the API answers 409 NOT_WAITING, said in Chinese, and the page shows the case as it now is.
    await second.page.getByLabel('退回理由').fill('不归我局');
    await second.page.getByRole('button', { name: '退回' }).click();
    await second.page.getByRole('alert').filter({ hasText: '这一步当前不在等待此操作' }).waitFor();
    await second.page.getByRole('heading', { level: 3, name: /办理并答复/ }).waitFor();
    await shoot(second.page, J, '11-dept-not-waiting-phone');
    expect(await seriousViolations(second.page)).toEqual([]);

    await first.page.goto(`/cases/${refused}`);
    await first.page.getByRole('heading', { level: 3, name: /签收或退回/ }).waitFor();
    await first.page.getByLabel('退回理由').fill('小区内道路归物业和住建管理');
    await first.page.getByLabel('建议承办部门（可不选）').selectOption({ label: '住房和城乡建设局' });
    await shoot(first.page, J, '12-dept-refuse-desktop');
    expect(await seriousViolations(first.page)).toEqual([]);
    await first.page.getByRole('button', { name: '退回' }).click();
    const outcome = first.page.getByRole('status').or(first.page.getByRole('alert')).first();
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('已提交：退回，建议改派住房和城乡建设局');
    await first.page.getByText('诉求已退回，将转交其他部门办理，您无需再操作。').waitFor();
    await t.stack.settle();

    // The suggested department has it now.
    const housing = await openPage(browser, world.url, DESKTOP);
    await signInAs(housing.page, '住房和城乡建设局');
    await housing.page.locator(`a[href="/cases/${refused}"]`).click();
    await housing.page.getByRole('heading', { level: 3, name: /签收或退回/ }).waitFor();
    expect(await housing.page.locator('.facts').textContent()).toContain('住房和城乡建设局');
    for (const p of [first, second, housing]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it('a grid worker registers an elder of their grid: the API’s field errors beside the fields, then the elder’s number', async () => {
    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await signInAs(page, /^网格员.*第03网格$/);
    await page.getByRole('link', { name: '登记老人' }).click();
    await page.getByRole('heading', { level: 1, name: '登记老人' }).waitFor();
    await page.getByLabel('所在网格').locator('option').first().waitFor({ state: 'attached' });
    expect(await page.getByLabel('所在网格').locator('option').allTextContents()).toEqual([expect.stringContaining('第03网格')]);
    await page.getByLabel('姓名', { exact: true }).fill('孙桂兰');
    await page.getByLabel('手机号（可不填）').fill('12345');
    await page.getByLabel('住址').fill('金水苑3号楼2单元401');
    await page.getByLabel('高风险（独居、失能等，每周探访）').check();
    await page.getByLabel('联系人姓名').fill('孙立');
    await page.getByLabel('联系人手机号').fill('13812340000');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByRole('alert').waitFor();
    await page.locator('#err-phone').waitFor();
    expect(await page.getByLabel('手机号（可不填）').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, J, '13-elder-field-error-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('手机号（可不填）').fill('13912340001');
    await page.getByRole('button', { name: '登记' }).click();
    await page.getByRole('status').filter({ hasText: '已登记，老人编号' }).waitFor();
    expect(await page.locator('#err-phone').count()).toBe(0);
    await shoot(page, J, '14-elder-registered-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
