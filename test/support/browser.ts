import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium); never a browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where journeys leave their screenshots (a CI artefact; not committed). */
export const ARTIFACTS = resolve(__dirname, '..', '..', 'test-artifacts', 'browser');

/** A phone (the field: grid workers, volunteers, residents) and a desktop (the centre, departments). */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * A page of its own (its own session storage: its own signed-in person) at `viewport`. A console error
 * or an uncaught exception on the page fails the journey: the console never shows a raw error.
 */
export async function openPage(browser: Browser, baseURL: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A failed request (4xx the journey provokes on purpose) is logged by the browser itself; scripts' own errors are not allowed.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/** Saves a screenshot as `<journey>/<nn>-<step>.png`. */
export async function shoot(page: Page, journey: string, step: string): Promise<void> {
  const dir = join(ARTIFACTS, journey);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}

/** Signs in through the local picker as the person whose button reads `label`. */
export async function signInAs(page: Page, label: string | RegExp): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name: label }).first().click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}
