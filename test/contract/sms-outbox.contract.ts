import type { OutgoingSms, SmsOutbox } from '../../lib/ports/messaging';

const message = (key: string, extra: Partial<OutgoingSms> = {}): OutgoingSms => ({ key, to: '+8613912345678', text: `【民情直通】${key}`, urgent: false, ...extra });
const NOW = new Date('2026-11-23T15:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/**
 * What every SmsOutbox does (lib/ports/messaging.ts): a key is queued once; a delivery holds its
 * message through a claim; an outcome is recorded once; quiet hours hold a message on a held list.
 */
export function describeSmsOutboxContract(name: string, make: () => Promise<SmsOutbox>): void {
  describe(`SmsOutbox contract: ${name}`, () => {
    it('queues a key once: a repeat changes nothing', async () => {
      const outbox = await make();
      expect(await outbox.enqueue(message('C1#accepted'), NOW)).toBe(true);
      expect(await outbox.enqueue(message('C1#accepted', { text: 'another text' }), NOW)).toBe(false);
    });

    it('lets a queued message be claimed, and records its outcome once', async () => {
      const outbox = await make();
      await outbox.enqueue(message('C2#closed'), NOW);
      expect(await outbox.claim('C2#closed', 'queued', NOW)).toBe('claimed');
      expect(await outbox.finish('C2#closed', { sent: 'sns-1' }, NOW)).toBe(true);
      expect(await outbox.finish('C2#closed', { sent: 'sns-2' }, NOW)).toBe(false);
      expect(await outbox.claim('C2#closed', 'queued', later(1))).toBe('done');
      expect(await outbox.claim('C2#closed', 'held', later(1))).toBe('done');
    });

    it('says done for a key never queued, and for a dropped message', async () => {
      const outbox = await make();
      expect(await outbox.claim('never-queued', 'queued', NOW)).toBe('done');
      await outbox.enqueue(message('C3#reminder'), NOW);
      await outbox.claim('C3#reminder', 'queued', NOW);
      expect(await outbox.finish('C3#reminder', { dropped: 'opt-out' }, NOW)).toBe(true);
      expect(await outbox.claim('C3#reminder', 'queued', NOW)).toBe('done');
    });

    it('takes over a queued delivery that stopped mid-way, saying it resumed', async () => {
      const outbox = await make();
      await outbox.enqueue(message('C4#grid-check#1'), NOW);
      expect(await outbox.claim('C4#grid-check#1', 'queued', NOW)).toBe('claimed');
      expect(await outbox.claim('C4#grid-check#1', 'queued', later(5))).toBe('resumed');
      expect(await outbox.finish('C4#grid-check#1', { sent: 'sns-1' }, later(6))).toBe(true);
    });

    it('gives a released message back to the next delivery', async () => {
      const outbox = await make();
      await outbox.enqueue(message('C5#accepted'), NOW);
      await outbox.claim('C5#accepted', 'queued', NOW);
      await outbox.release('C5#accepted', 'queued');
      expect(await outbox.claim('C5#accepted', 'queued', later(1))).toBe('claimed');
      // Releasing what is not claimed changes nothing.
      await outbox.finish('C5#accepted', { sent: 'sns-1' }, later(2));
      await outbox.release('C5#accepted', 'queued');
      expect(await outbox.claim('C5#accepted', 'queued', later(3))).toBe('done');
    });

    it('holds a claimed message until quiet hours end, then lets one flush at a time deliver it', async () => {
      const outbox = await make();
      const morning = new Date('2026-11-23T23:00:00Z');
      const sms = message('C6#feedback#1', { staleAt: '2026-11-25T00:00:00.000Z', audience: 'resident' });
      await outbox.enqueue(sms, NOW);
      expect(await outbox.hold(sms, morning)).toBe(false);
      await outbox.claim(sms.key, 'queued', NOW);
      expect(await outbox.hold(sms, morning)).toBe(true);
      expect(await outbox.claim(sms.key, 'queued', later(1))).toBe('done');
      expect(await outbox.dueHeld(new Date(morning.getTime() - 1000))).toEqual([]);
      const due = await outbox.dueHeld(morning);
      expect(due).toEqual([{ ...sms, urgent: false, sendAfter: morning.toISOString() }]);
      expect(await outbox.claim(sms.key, 'held', morning)).toBe('claimed');
      expect(await outbox.claim(sms.key, 'held', new Date(morning.getTime() + 60_000))).toBe('busy');
      // A flush that died: once its lease (longer than the sender's timeout) is over, the next takes over.
      expect(await outbox.claim(sms.key, 'held', new Date(morning.getTime() + 10 * 60_000))).toBe('resumed');
      expect(await outbox.finish(sms.key, { sent: 'sns-9' }, morning, due[0])).toBe(true);
      expect(await outbox.dueHeld(new Date(morning.getTime() + 3600_000))).toEqual([]);
    });

    it("lists held messages due by now, oldest first, from yesterday's and today's", async () => {
      const outbox = await make();
      const holdUntil = async (key: string, until: string) => {
        await outbox.enqueue(message(key), NOW);
        await outbox.claim(key, 'queued', NOW);
        await outbox.hold(message(key), new Date(until));
      };
      await holdUntil('late', '2026-11-23T23:00:05.000Z');
      await holdUntil('early', '2026-11-23T23:00:00.000Z');
      await holdUntil('tomorrow', '2026-11-24T23:00:00.000Z');
      expect((await outbox.dueHeld(new Date('2026-11-24T01:00:00Z'))).map((h) => h.key)).toEqual(['early', 'late']);
    });

    it('forgets a held entry whose message was settled elsewhere', async () => {
      const outbox = await make();
      const sms = message('C7#closed');
      await outbox.enqueue(sms, NOW);
      await outbox.claim(sms.key, 'queued', NOW);
      await outbox.hold(sms, new Date('2026-11-23T23:00:00Z'));
      const [held] = await outbox.dueHeld(new Date('2026-11-23T23:30:00Z'));
      await outbox.forget(held!);
      expect(await outbox.dueHeld(new Date('2026-11-23T23:30:00Z'))).toEqual([]);
    });
  });
}
