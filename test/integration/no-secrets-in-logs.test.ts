import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StackProcess } from '../support/stack-process';

/**
 * `npm start` as an operator runs it, its whole console captured (its own lines, every handler's log
 * lines, the SMS echo): a short journey through it must leave no phone number and no tracking code
 * there, and the resident's view of the case shows staff notes with numbers masked.
 */
describe('the local console of a journey', () => {
  let dir: string;
  let sp: StackProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-logs-'));
    // A working hour, so no SMS waits for the morning.
    sp = await StackProcess.start(dir, ['--start-at', '2026-11-23T09:00:00+08:00']);
  }, 120_000);
  afterAll(async () => {
    await sp?.kill().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds no phone number and no tracking code, and residents see staff notes masked', async () => {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const staffNoteNumber = '13812345678';
    const gw = await sp.token({ role: 'grid-worker', grids: ['G01'] });
    const created = await sp.api('POST', '/v1/cases', {
      body: { category: 'road-damage', description: `金水苑门口路面塌陷，联系电话${phone}`, location: { gridId: 'G01', address: '金水苑3号楼' }, reporter: { phone, name: '王秀英' } },
    });
    expect(created.status).toBe(201);
    const { caseId, trackingCode } = created.body as { caseId: string; trackingCode: string };
    await sp.settle();
    const note = `已联系物业经理陈建华${staffNoteNumber}，车牌甘C·12345`;
    expect((await sp.api('POST', `/v1/cases/${caseId}/actions`, { token: gw, body: { type: 'grid-check', outcome: 'needs-dispatch', note } })).status).toBe(202);
    await sp.settle();
    // Requests that log: a wrong code, a forged token, an SMS reply from the resident's phone.
    expect((await sp.api('GET', `/v1/cases/${caseId}`, { headers: { 'x-tracking-code': 'ZZZZZZZZZZ' } })).status).toBe(404);
    expect((await sp.api('GET', `/v1/cases/${caseId}`, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
    expect((await sp.api('POST', '/local/sms/inbound', { body: { from: `+86${phone}`, text: '退订' } })).status).toBe(202);
    expect((await sp.api('POST', '/local/sms/inbound', { body: { from: phone, text: '订阅' } })).status).toBe(202);
    await sp.settle();

    const resident = await sp.api('GET', `/v1/cases/${caseId}`, { headers: { 'x-tracking-code': trackingCode } });
    const staff = await sp.api('GET', `/v1/cases/${caseId}`, { token: gw });
    const notes = (view: { body: { timeline: Array<{ note: string }> } }) => view.body.timeline.map((e) => e.note).join('\n');
    expect(notes(resident)).toContain('已联系物业经理陈建华138****5678，车牌甘C·***45');
    expect(notes(resident)).not.toContain(staffNoteNumber);
    expect(notes(staff)).toContain(note);

    // The SMS with the tracking code has gone out (and was echoed) before the console is read.
    for (let polls = 0; !(await sp.outbox()).some((m) => m.text.includes(trackingCode)); polls += 1) {
      if (polls > 300) throw new Error('the confirmation SMS never reached the outbox');
      await new Promise((r) => setTimeout(r, 100));
    }
    const console = sp.output();
    expect(console).toContain('SMS → 139****');
    for (const secret of [phone, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, trackingCode, staffNoteNumber, '王秀英', '金水苑3号楼']) {
      expect(console).not.toContain(secret);
    }
  });
});
