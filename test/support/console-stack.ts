import type { Browser } from 'playwright-core';
import { ensureConsoleBuilt } from '../../local/console-build';
import { launchBrowser } from './browser';
import { startTestStack, type TestStack } from './local-stack';

/**
 * A browser journey's world: the console built (once; a no-op when web/dist is current), a local stack
 * serving it, and Chromium. `stop()` ends both.
 */
export async function startConsole(options: Parameters<typeof startTestStack>[0] = {}): Promise<{ t: TestStack; browser: Browser; url: string; stop: () => Promise<void> }> {
  ensureConsoleBuilt(() => undefined);
  const [t, browser] = await Promise.all([startTestStack(options), launchBrowser()]);
  return {
    t,
    browser,
    url: t.stack.url,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await t.stop();
    },
  };
}
