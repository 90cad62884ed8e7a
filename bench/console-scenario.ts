import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ensureConsoleBuilt } from '../local/console-build';
import { startLocalStack } from '../local/stack';
import { launchBrowser } from '../test/support/browser';

/**
 * `npm run bench -- console`: what a browser really downloads to show each main page of the console,
 * read from the responses Chromium received (the console's own HTML, scripts and styles; API answers
 * apart), as raw, gzip and brotli bytes. Budget: ≤ 300 KB gzipped for the first page. Prints one JSON line.
 */
const PAGES: Array<{ path: string; as?: string }> = [
  { path: '/' },
  { path: '/report' },
  { path: '/track' },
  { path: '/wishes' },
  { path: '/grid', as: '网格员' },
  { path: '/dept', as: '城市管理局' },
  { path: '/volunteer', as: '志愿者' },
  { path: '/admin', as: '指挥中心' },
];

async function main(): Promise<void> {
  ensureConsoleBuilt(() => undefined);
  const stack = await startLocalStack({ port: 0, timeScale: 0 });
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const { path, as } of PAGES) {
      const context = await browser.newContext({ baseURL: stack.url });
      const page = await context.newPage();
      if (as) {
        await page.goto('/signin');
        await page.getByRole('button', { name: new RegExp(as) }).first().click();
        await page.waitForURL((u) => u.pathname !== '/signin');
      }
      const reading: Array<Promise<Buffer>> = [];
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (/^\/(v1|local)\//.test(url.pathname) || url.pathname === '/config.json') return;
        reading.push(res.body().catch(() => Buffer.alloc(0)));
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      const bodies = await Promise.all(reading);
      const raw = bodies.reduce((n, b) => n + b.length, 0);
      const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
      const brotli = bodies.reduce((n, b) => n + brotliCompressSync(b).length, 0);
      rows.push({ page: path, files: bodies.length, 'raw KB': +(raw / 1024).toFixed(1), 'gzip KB': +(gzip / 1024).toFixed(1), 'brotli KB': +(brotli / 1024).toFixed(1) });
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
  process.stdout.write(`${JSON.stringify({ rows, budgetKb: 300 })}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
