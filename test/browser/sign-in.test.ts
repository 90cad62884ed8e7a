import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

describe('the console: served at /, signed in through the local picker', () => {
  jest.setTimeout(120_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  let browser: Browser;
  beforeAll(async () => {
    world = await startConsole();
    browser = world.browser;
  });
  afterAll(() => world?.stop());

  it('opens on the home page, whose four doors are links, with no serious accessibility findings', async () => {
    const { page, errors, context } = await openPage(browser, world.url, PHONE);
    await page.goto('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('民情直通');
    expect(await page.getByRole('link', { name: /我要反映问题/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /工作人员登录/ }).count()).toBeGreaterThan(0);
    await shoot(page, 'sign-in', '01-home-phone');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the picker signs a grid worker in without a password and shows no token; a page of another role is refused in words', async () => {
    const { page, errors, context } = await openPage(browser, world.url, DESKTOP);
    await page.goto('/signin');
    await page.getByRole('button', { name: /网格员/ }).first().waitFor();
    await shoot(page, 'sign-in', '02-picker-desktop');
    expect(await seriousViolations(page)).toEqual([]);
    await signInAs(page, /网格员/);
    expect(new URL(page.url()).pathname).toBe('/grid');
    expect(await page.content()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    await page.goto('/admin');
    await page.getByText('无权查看').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a staff page opened while signed out goes to sign-in and back to that page after', async () => {
    const { page, context } = await openPage(browser, world.url, PHONE);
    await page.goto('/dept');
    await page.waitForURL(/\/signin\?next=%2Fdept/);
    await page.getByRole('button', { name: /城市管理局/ }).click();
    await page.waitForURL((u) => u.pathname === '/dept');
    await context.close();
  });
});
