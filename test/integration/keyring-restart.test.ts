import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StackProcess } from '../support/stack-process';

/**
 * The local keyring is kept in the data folder: a restart finds what was keyed by the phone digest
 * before, and a folder whose secrets.json went missing is refused instead of silently re-keyed.
 */
describe('the local keyring across restarts', () => {
  let dir: string;
  let sp: StackProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-keyring-'));
  });
  afterAll(async () => {
    await sp?.kill().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const PHONE = '13912340000';
  const optOutAcks = async (s: StackProcess) => (await s.outbox()).filter((m) => m.to.endsWith(PHONE) && m.text.includes('已退订')).length;

  it('keeps secrets.json (0600) so an opt-out made before a restart still holds after it', async () => {
    sp = await StackProcess.start(dir, ['--start-at', '2026-11-23T09:00:00+08:00']);
    expect((await sp.api('POST', '/local/sms/inbound', { body: { from: PHONE, text: '退订' } })).status).toBe(202);
    await sp.settle();
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    await sp.kill();

    sp = await StackProcess.start(dir);
    expect((await sp.api('POST', '/local/sms/inbound', { body: { from: `+86${PHONE}`, text: 'TD' } })).status).toBe(202);
    await sp.settle();
    // Opted out already, under the same digest: acknowledged once only.
    expect(await optOutAcks(sp)).toBe(1);
    await sp.kill();
    sp = undefined;
  }, 180_000);

  it('refuses to start on tables whose keyring is gone', async () => {
    // Its own folder, with an item keyed by the phone digest in it (tests run in a random order).
    const own = mkdtempSync(join(tmpdir(), 'minqing-keyring-gone-'));
    try {
      const first = await StackProcess.start(own, ['--start-at', '2026-11-23T09:00:00+08:00']);
      try {
        expect((await first.api('POST', '/local/sms/inbound', { body: { from: PHONE, text: '退订' } })).status).toBe(202);
        await first.settle();
      } finally {
        await first.kill();
      }
      rmSync(join(own, 'secrets.json'));
      await expect(StackProcess.start(own)).rejects.toThrow(/secrets\.json is missing but \d+ items are keyed by it/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 180_000);
});
