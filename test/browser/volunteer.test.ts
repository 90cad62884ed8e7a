import type { Browser } from 'playwright-core';
import { DEMO_ELDERS } from '../../local/seed/demo-data';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

const JOURNEY = 'volunteer-visit';
type VisitRow = { visitId: string; elderId: string; volunteerId: string; windowStart: string; windowEnd: string; status: string };

/** The volunteers the local sign-in picker lists (local/web-console.ts). */
const PICKABLE = new Set(Array.from({ length: 12 }, (_, i) => `V${String(i + 1).padStart(3, '0')}`));

/**
 * An admin runs the weekly roster (through the API); on the day, the assigned volunteer signs in, sees
 * the visit, checks in and an hour later checks out in the browser; the visit reads completed and their
 * points page counts it (10 points, 1 hour).
 */
describe('a rostered visit checked in and out by its volunteer in the browser', () => {
  jest.setTimeout(180_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  beforeAll(async () => {
    // A Sunday morning: next week's visits begin within a day, so little virtual time needs to pass.
    world = await startConsole({ startAt: new Date('2026-11-29T01:00:00Z') });
    browser = world.browser;
  });
  afterAll(() => world?.stop());

  it('walks the visit', async () => {
    const { t } = world;
    const admin = await t.token({ role: 'admin', sub: 'admin-centre' });
    expect((await t.api('POST', '/v1/admin/workflows/weekly-roster/executions', { token: admin, body: {} })).status).toBe(202);
    await t.stack.settle();
    const lists = await Promise.all(DEMO_ELDERS.map((e) => t.api<VisitRow[]>('GET', `/v1/visits?elderId=${e.elderId}`, { token: admin })));
    const visit = lists
      .flatMap((l) => l.body)
      .filter((v) => PICKABLE.has(v.volunteerId))
      .sort((a, b) => a.windowStart.localeCompare(b.windowStart))[0]!;
    expect(visit).toBeDefined();

    // The morning of the visit: the volunteer sees it, scheduled, with the elder's id and no name or phone.
    await t.advance((Date.parse(visit.windowStart) - t.stack.clock.nowMs()) / 1000 + 1);
    await t.stack.settle();
    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await signInAs(page, `志愿者 ${visit.volunteerId}`);
    expect(new URL(page.url()).pathname).toBe('/volunteer');
    const item = page.getByRole('listitem').filter({ hasText: `老人编号 ${visit.elderId}` }).first();
    await item.getByRole('button', { name: '签到' }).waitFor();
    const elder = DEMO_ELDERS.find((e) => e.elderId === visit.elderId)!;
    expect(await page.content()).not.toContain(elder.name);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '01-my-visits-phone');

    // Check in.
    await item.getByRole('button', { name: '签到' }).click();
    await page.getByText('已签到').waitFor();
    await t.stack.settle();
    await page.reload();
    await item.getByText('探访中').waitFor();
    await shoot(page, JOURNEY, '02-checked-in-phone');

    // An hour later, check out: wellbeing and a note.
    await t.advance(3600);
    await t.stack.settle();
    await item.getByRole('button', { name: '签退' }).click();
    await item.getByRole('radio', { name: '一切正常' }).check();
    await item.getByLabel('探访记录').fill('陪老人聊天，量了血压，一切正常');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '03-check-out-phone');
    await item.getByRole('button', { name: '确认签退' }).click();
    await page.getByText('已签退，感谢您的陪伴！').waitFor();
    await t.stack.settle();
    await page.reload();
    await item.getByText('已完成').waitFor();
    await shoot(page, JOURNEY, '04-completed-phone');

    // The points page counts the visit: 10 points, one hour.
    await page.getByRole('link', { name: '积分' }).click();
    await page.getByRole('listitem').filter({ hasText: visit.visitId }).getByText('+10').waitFor();
    expect(await page.locator('.total strong').allTextContents()).toEqual(['10', '1 小时']);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, JOURNEY, '05-points-phone');
    expect(errors).toEqual([]);
    await context.close();

    // The visits page on a desktop once.
    const desk = await openPage(browser, world.url, DESKTOP);
    await signInAs(desk.page, `志愿者 ${visit.volunteerId}`);
    await desk.page.getByRole('listitem').filter({ hasText: `老人编号 ${visit.elderId}` }).first().getByText('已完成').waitFor();
    await shoot(desk.page, JOURNEY, '06-my-visits-desktop');
    await desk.context.close();
  });
});
