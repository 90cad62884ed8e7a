import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

/**
 * A case's whole life in the browser: the grid worker (phone) and the department (desktop) each in a
 * page of their own, signed in through the picker. The resident reports and rates through the API
 * with the tracking code (the resident pages are not built yet).
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
    const report = await t.api('POST', '/v1/cases', {
      body: { category: 'streetlight', description: '同心苑北门路灯连续三晚不亮，夜里走路看不清', location: { gridId: 'G01', address: '同心苑北门' }, reporter: { phone: '13712349001', name: '王建国' } },
    });
    expect(report.status).toBe(201);
    const { caseId, trackingCode } = report.body as { caseId: string; trackingCode: string };
    await t.stack.settle();
    const feedback = async (rating: 'satisfied' | 'dissatisfied') => {
      const res = await t.api('POST', `/v1/cases/${caseId}/actions`, { headers: { 'x-tracking-code': trackingCode }, body: { type: 'feedback', rating } });
      expect(res.status).toBe(202);
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
    await feedback('dissatisfied');
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
    await feedback('satisfied');
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

    expect(grid.errors).toEqual([]);
    expect(dept.errors).toEqual([]);
    await grid.context.close();
    await dept.context.close();
  });
});
