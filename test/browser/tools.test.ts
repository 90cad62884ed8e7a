import type { Browser, Page } from 'playwright-core';
import { maskPersonalNumbers, maskTrackingCodes } from '../../lib/domain/redact';
import { DEMO_STAFF } from '../../local/seed/demo-data';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

const J = 'tools';
const REPORTER = '13712349077';

describe('the local stack tools: the SMS outbox (masked), the clock, the executions', () => {
  jest.setTimeout(180_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  let caseId: string;
  let trackingCode: string;
  beforeAll(async () => {
    world = await startConsole();
    browser = world.browser;
    const report = await world.t.api('POST', '/v1/cases', {
      body: { category: 'streetlight', description: '同心苑北门路灯连续三晚不亮，夜里走路看不清', location: { gridId: 'G01', address: '同心苑北门' }, reporter: { phone: REPORTER, name: '王建国' } },
    });
    expect(report.status).toBe(201);
    ({ caseId, trackingCode } = report.body as { caseId: string; trackingCode: string });
    await world.t.stack.settle();
  });
  afterAll(() => world?.stop());

  /** No full phone number of anyone (the reporter, any staff) and no tracking code anywhere in the page. */
  async function nothingPersonal(page: Page) {
    const html = await page.content();
    expect(html).not.toContain(REPORTER);
    expect(html).not.toContain(trackingCode);
    for (const s of DEMO_STAFF) expect(html).not.toContain(s.phone.replace(/^\+86/, ''));
    expect(html).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  }

  it('the outbox shows the case SMS with masked numbers, newest first, and filters by number', async () => {
    expect(world.t.outbox(REPORTER).length).toBeGreaterThan(0);
    for (const [viewport, size] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, errors, context } = await openPage(browser, world.url, viewport);
      await signInAs(page, /综合指挥中心/);
      await page.goto('/tools');
      await page.waitForURL((u) => u.pathname === '/tools/outbox');
      await page.getByText('137****9077').first().waitFor();
      expect(await page.getByRole('link', { name: '短信' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '时钟' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: '流程' }).count()).toBe(1);
      expect(await page.getByText(`编号${caseId}`).count()).toBeGreaterThan(0);
      expect(await page.getByText('查询码[code]').count()).toBeGreaterThan(0);
      await nothingPersonal(page);
      await shoot(page, J, `01-outbox-${size}`);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('按号码筛选').fill('9077');
      await page.getByRole('button', { name: '筛选' }).click();
      await page.getByRole('heading', { level: 2, name: /发往 …9077 的短信/ }).waitFor();
      const numbers = await page.locator('.sms-list strong').allTextContents();
      expect(numbers.length).toBeGreaterThan(0);
      expect(new Set(numbers)).toEqual(new Set(['137****9077']));
      const latest = world.t.outbox(REPORTER).at(-1)!.text;
      expect(await page.locator('.sms-list .sms-text').first().textContent()).toBe(maskTrackingCodes(maskPersonalNumbers(latest)));
      await nothingPersonal(page);
      await shoot(page, J, `02-outbox-filtered-${size}`);

      // A text that asks someone to act points to this console, and its link is one here.
      if (size === 'desktop') {
        const inbound = await world.t.api('POST', '/local/sms/inbound', { body: { from: '13600009099', text: '你好' } });
        expect(inbound.status).toBe(202);
        await page.getByLabel('按号码筛选').fill('9099');
        await page.getByRole('button', { name: '筛选' }).click();
        const link = page.getByRole('link', { name: `${world.url}/report` });
        await link.waitFor();
        expect(await link.getAttribute('href')).toBe(`${world.url}/report`);
        expect(await page.locator('.sms-list strong').allTextContents()).toEqual(['136****9099']);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the clock moves a day on and says what fired', async () => {
    const { page, errors, context } = await openPage(browser, world.url, DESKTOP);
    await signInAs(page, /综合指挥中心/);
    await page.goto('/tools/clock');
    await page.locator('.clock-now', { hasText: '11/23' }).waitFor();
    await shoot(page, J, '03-clock-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    const before = world.t.outbox().length;
    await page.getByRole('button', { name: '前进1天' }).click();
    await page.getByRole('heading', { level: 2, name: '本次前进了1天，触发了什么' }).waitFor();
    await page.locator('.clock-now', { hasText: '11/24' }).waitFor();
    const summary = page.getByRole('list', { name: '本次前进的结果' });
    const sent = Number(await summary.locator('li', { hasText: '发出的短信' }).locator('strong').textContent());
    expect(sent).toBe(world.t.outbox().length - before);
    const timers = Number(await summary.locator('li', { hasText: '到期的定时器' }).locator('strong').textContent());
    // The case's grid check falls due within a day: at least its deadline timer fired.
    expect(timers).toBeGreaterThan(0);
    await shoot(page, J, '04-clock-advanced-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await shoot(page, J, '05-clock-advanced-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the executions list shows the case's lifecycle, and its history on click, ids only", async () => {
    const { page, errors, context } = await openPage(browser, world.url, DESKTOP);
    await signInAs(page, /综合指挥中心/);
    await page.goto('/tools/executions');
    const row = page.locator('tr', { hasText: caseId }).filter({ hasText: '诉求办理' }).first();
    await row.waitFor();
    await nothingPersonal(page);
    await shoot(page, J, '06-executions-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('link').click();
    await page.waitForURL((u) => u.pathname.startsWith('/tools/executions/'));
    await page.getByRole('heading', { level: 2, name: /历史（\d+个事件）/ }).waitFor();
    expect(await page.getByText('流程开始').count()).toBeGreaterThan(0);
    expect(await page.getByText(caseId).count()).toBeGreaterThan(0);
    await nothingPersonal(page);
    expect(await page.content()).not.toContain('王建国');
    expect(await page.content()).not.toContain('同心苑');
    await shoot(page, J, '07-execution-history-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await shoot(page, J, '08-execution-history-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
