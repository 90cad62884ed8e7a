import { SMS_CAPS } from '../../../lib/domain/limits';
import type { HeldSms, OptOutList, OutgoingSms, SmsOutbox, SmsOutcome, SmsSender } from '../../../lib/ports/messaging';
import type { RateLimiter } from '../../../lib/ports/rate-limiter';
import { deliverQueued, flushHeld, SmsFlushIncompleteError, type DeliveryDeps } from '../../../lib/use-cases/sms/deliver';
import { notifyOnce } from '../../../lib/use-cases/notify';

/**
 * The outbox's contract in memory (lib/adapters/aws/dynamo-sms-outbox.ts is the real one): each step
 * is atomic, as a conditional write is, and the awaits between steps let concurrent runs interleave.
 */
class MemoryOutbox implements SmsOutbox {
  readonly items = new Map<string, { message: OutgoingSms; state: string; via?: string; leaseUntil?: number; outcome?: SmsOutcome }>();
  readonly held = new Map<string, HeldSms>();

  async enqueue(message: OutgoingSms): Promise<boolean> {
    if (this.items.has(message.key)) return false;
    this.items.set(message.key, { message, state: 'queued' });
    return true;
  }

  async claim(key: string, from: 'queued' | 'held', now: Date): Promise<'claimed' | 'resumed' | 'done' | 'busy'> {
    const item = this.items.get(key);
    const nowSeconds = now.getTime() / 1000;
    const takeable =
      from === 'queued'
        ? item?.state === 'queued' || (item?.state === 'sending' && item.via === from)
        : item?.state === 'held' || (item?.state === 'sending' && item.via === from && item.leaseUntil! < nowSeconds);
    if (!takeable) return from === 'held' && item?.state === 'sending' ? 'busy' : 'done';
    const resumed = item!.state === 'sending';
    Object.assign(item!, { state: 'sending', via: from, leaseUntil: nowSeconds + 120 });
    return resumed ? 'resumed' : 'claimed';
  }

  async hold(message: OutgoingSms, until: Date): Promise<boolean> {
    const item = this.items.get(message.key)!;
    if (item.state !== 'sending') return false;
    item.state = 'held';
    this.held.set(message.key, { ...message, sendAfter: until.toISOString() });
    return true;
  }

  async dueHeld(now: Date): Promise<HeldSms[]> {
    return [...this.held.values()].filter((h) => Date.parse(h.sendAfter) <= now.getTime());
  }

  /** How many of the next records fail as a DynamoDB blip would. */
  failFinish = 0;

  async finish(key: string, outcome: SmsOutcome, _at: Date, held?: HeldSms): Promise<boolean> {
    if (this.failFinish > 0) {
      this.failFinish -= 1;
      throw Object.assign(new Error('DynamoDB throttled'), { name: 'ProvisionedThroughputExceededException' });
    }
    const item = this.items.get(key)!;
    if (item.state !== 'sending') return false;
    Object.assign(item, { state: 'sent' in outcome ? 'sent' : 'dropped', outcome });
    if (held) this.held.delete(held.key);
    return true;
  }

  async release(key: string, to: 'queued' | 'held'): Promise<void> {
    const item = this.items.get(key)!;
    if (item.state === 'sending') item.state = to;
  }

  async forget(held: HeldSms): Promise<void> {
    this.held.delete(held.key);
  }
}

class RecordingSender implements SmsSender {
  readonly sent: Array<{ to: string; text: string }> = [];
  failNext = 0;
  async send(message: { to: string; text: string }): Promise<{ messageId: string }> {
    // A publish takes a moment: concurrent runs interleave here as they would around the network call.
    await new Promise((r) => setImmediate(r));
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw Object.assign(new Error('SNS throttled'), { name: 'ThrottlingException' });
    }
    this.sent.push(message);
    return { messageId: `m-${this.sent.length}` };
  }
}

class MemoryLimiter implements RateLimiter {
  readonly counts = new Map<string, number>();
  async take(key: string, limit: number, windowSeconds: number, now: Date) {
    const window = `${key}@${Math.floor(now.getTime() / 1000 / windowSeconds)}`;
    const n = this.counts.get(window) ?? 0;
    if (n >= limit) return { allowed: false as const, retryAfterSeconds: 1 };
    this.counts.set(window, n + 1);
    return { allowed: true as const };
  }
}

const optOutList = (numbers: Set<string>): OptOutList => ({
  optOut: async (phone) => !numbers.has(phone) && Boolean(numbers.add(phone)),
  optIn: async (phone) => numbers.delete(phone),
  has: async (phone) => numbers.has(phone),
});

/** Asia/Shanghai wall time on 2026-11-23 (UTC+8). */
const shanghai = (hhmm: string, day = 23) => new Date(`2026-11-${day}T${hhmm}:00+08:00`);

function setup(at = shanghai('10:00')) {
  const clock = { at, now: () => clock.at };
  const optedOut = new Set<string>();
  const deps = { outbox: new MemoryOutbox(), sms: new RecordingSender(), optOuts: optOutList(optedOut), limiter: new MemoryLimiter(), clock } satisfies DeliveryDeps;
  /** What a use case does (notifyOnce), then what the stream does with the new item. */
  const queue = async (message: OutgoingSms) => {
    await notifyOnce(deps, message);
    return deliverQueued(deps, message);
  };
  return { deps, clock, optedOut, queue, outbox: deps.outbox, sender: deps.sms };
}

const sms = (key: string, overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({ key, to: '+8613900001111', text: `【民情直通】${key}`, urgent: false, ...overrides });

describe('deliverQueued (the stream sender)', () => {
  it('publishes a queued message once and records it; a redelivered record sends nothing', async () => {
    const { deps, queue, outbox, sender } = setup();
    expect(await queue(sms('c1#grid-check#1'))).toBe('sent');
    expect(await deliverQueued(deps, sms('c1#grid-check#1'))).toBe('done');
    expect(await deliverQueued(deps, sms('c1#grid-check#1'))).toBe('done');
    expect(sender.sent).toEqual([{ to: '+8613900001111', text: '【民情直通】c1#grid-check#1' }]);
    expect(outbox.items.get('c1#grid-check#1')).toMatchObject({ state: 'sent', outcome: { sent: 'm-1' } });
  });

  it('queues a key once: a retried step writes nothing twice', async () => {
    const { deps } = setup();
    const notifyDeps = { ...deps, once: undefined as never };
    expect(await notifyOnce(notifyDeps, sms('c1#closed'))).toBe('queued');
    expect(await notifyOnce(notifyDeps, sms('c1#closed', { text: 'another text' }))).toBe('already-queued');
    expect(deps.outbox.items.get('c1#closed')!.message.text).toBe('【民情直通】c1#closed');
  });

  it('drops a non-urgent message to a number on the opt-out list, but an urgent one still goes', async () => {
    const { queue, optedOut, outbox, sender } = setup();
    optedOut.add('+8613900001111');
    expect(await queue(sms('c1#closed'))).toBe('dropped');
    expect(await queue(sms('c2#emergency', { urgent: true }))).toBe('sent');
    expect(sender.sent.map((m) => m.text)).toEqual(['【民情直通】c2#emergency']);
    expect(outbox.items.get('c1#closed')).toMatchObject({ state: 'dropped', outcome: { dropped: 'opt-out' } });
  });

  it('holds non-urgent messages between 22:00 and 07:00 Asia/Shanghai; urgent ones go at once', async () => {
    for (const at of ['22:00', '23:50', '03:50', '06:59']) {
      const { queue, outbox, sender } = setup(shanghai(at));
      expect(await queue(sms('c1#remind'))).toBe('held');
      expect(await queue(sms('c1#alarm', { urgent: true }))).toBe('sent');
      expect(sender.sent.map((m) => m.text)).toEqual(['【民情直通】c1#alarm']);
      expect([...outbox.held.values()].map((h) => h.key)).toEqual(['c1#remind']);
    }
    for (const at of ['07:00', '12:00', '21:59']) {
      const { queue } = setup(shanghai(at));
      expect(await queue(sms('c1#remind'))).toBe('sent');
    }
  });

  it('does not send a message whose content went stale before it could be delivered', async () => {
    const { queue, sender, outbox } = setup(shanghai('10:00'));
    expect(await queue(sms('c1#accept', { staleAt: shanghai('09:59').toISOString() }))).toBe('dropped');
    expect(sender.sent).toEqual([]);
    expect(outbox.items.get('c1#accept')!.outcome).toEqual({ dropped: 'stale' });
  });

  it('retries the record of a message already published instead of failing the delivery (a redelivery would send it again)', async () => {
    const { deps, queue, sender, outbox } = setup();
    outbox.failFinish = 3;
    expect(await queue(sms('c1#dispatch'))).toBe('sent');
    expect(outbox.items.get('c1#dispatch')!.state).toBe('sent');
    expect(await deliverQueued(deps, sms('c1#dispatch'))).toBe('done');
    expect(sender.sent).toHaveLength(1);
  });

  it('gives the message back when publishing fails, so the retried record sends it once', async () => {
    const { deps, queue, sender, outbox } = setup();
    sender.failNext = 1;
    await expect(queue(sms('c1#dispatch'))).rejects.toThrow('SNS throttled');
    expect(outbox.items.get('c1#dispatch')!.state).toBe('queued');
    expect(await deliverQueued(deps, sms('c1#dispatch'))).toBe('sent');
    expect(await deliverQueued(deps, sms('c1#dispatch'))).toBe('done');
    expect(sender.sent).toHaveLength(1);
  });

  it('takes over a delivery that died before publishing (the stream never runs one record twice at once)', async () => {
    const { deps, outbox, sender } = setup();
    await outbox.enqueue(sms('c1#verify'));
    expect(await outbox.claim('c1#verify', 'queued', deps.clock.now())).toBe('claimed');
    // …and the function timed out here. Lambda redelivers the record:
    expect(await deliverQueued(deps, sms('c1#verify'))).toBe('sent');
    expect(sender.sent).toHaveLength(1);
    expect(outbox.items.get('c1#verify')!.state).toBe('sent');
  });
});

describe('the daily caps per number (lib/domain/limits.ts)', () => {
  it('drops the eleventh non-urgent message of a day to a resident, and lets them through again the next day', async () => {
    const { queue, clock, sender, outbox } = setup(shanghai('09:00'));
    for (let i = 1; i <= SMS_CAPS.resident.limit; i += 1) expect(await queue(sms(`c${i}#closed`, { audience: 'resident' }))).toBe('sent');
    expect(await queue(sms('c99#closed', { audience: 'resident' }))).toBe('dropped');
    expect(outbox.items.get('c99#closed')!.outcome).toEqual({ dropped: 'cap' });
    expect(await queue(sms('c99#emergency', { urgent: true, audience: 'resident' }))).toBe('sent');
    clock.at = shanghai('09:00', 24);
    expect(await queue(sms('c100#closed', { audience: 'resident' }))).toBe('sent');
    expect(sender.sent).toHaveLength(SMS_CAPS.resident.limit + 2);
  });

  it('lets staff receive many more, and caps report confirmations although they are urgent', async () => {
    const { queue } = setup(shanghai('09:00'));
    for (let i = 1; i <= SMS_CAPS.resident.limit + 5; i += 1) expect(await queue(sms(`c${i}#dispatch`))).toBe('sent');
    for (let i = 1; i <= SMS_CAPS.reportConfirmations.limit; i += 1) expect(await queue(sms(`r${i}#received`, { to: '+8613900002222', urgent: true }))).toBe('sent');
    expect(await queue(sms('r99#received', { to: '+8613900002222', urgent: true }))).toBe('dropped');
  });
});

describe('flushHeld (the 07:00 flush, in the same function)', () => {
  it('sends what quiet hours held, once, and a redelivered record of a held message sends nothing', async () => {
    const { deps, queue, clock, sender, outbox } = setup(shanghai('23:30'));
    await queue(sms('c1#remind'));
    await queue(sms('c2#remind', { to: '+8613900003333' }));
    expect(sender.sent).toEqual([]);
    clock.at = shanghai('06:59', 24);
    expect(await flushHeld(deps)).toEqual({ sent: 0, dropped: 0 });
    clock.at = shanghai('07:00', 24);
    expect(await flushHeld(deps)).toEqual({ sent: 2, dropped: 0 });
    expect(await flushHeld(deps)).toEqual({ sent: 0, dropped: 0 });
    expect(await deliverQueued(deps, sms('c1#remind'))).toBe('done');
    expect(sender.sent.map((m) => m.text)).toEqual(['【民情直通】c1#remind', '【民情直通】c2#remind']);
    expect(outbox.held.size).toBe(0);
  });

  it('drops held messages that went stale overnight or whose number opted out during the night', async () => {
    const { deps, queue, clock, optedOut, sender, outbox } = setup(shanghai('23:30'));
    await queue(sms('c1#accept', { staleAt: shanghai('03:50', 24).toISOString() }));
    await queue(sms('c2#accept', { staleAt: shanghai('09:00', 24).toISOString() }));
    await queue(sms('c3#closed', { to: '+8613900004444' }));
    optedOut.add('+8613900004444');
    clock.at = shanghai('07:00', 24);
    expect(await flushHeld(deps)).toEqual({ sent: 1, dropped: 2 });
    expect(sender.sent.map((m) => m.text)).toEqual(['【民情直通】c2#accept']);
    expect(outbox.items.get('c1#accept')!.outcome).toEqual({ dropped: 'stale' });
    expect(outbox.items.get('c3#closed')!.outcome).toEqual({ dropped: 'opt-out' });
  });

  it('sends each held message once when two flushes run at once; a run that met the claim of the other asks to be run again', async () => {
    const { deps, queue, clock, sender } = setup(shanghai('23:30'));
    for (let i = 1; i <= 5; i += 1) await queue(sms(`c${i}#remind`, { to: `+86139000055${i}0` }));
    clock.at = shanghai('07:00', 24);
    const runs = await Promise.allSettled([flushHeld(deps), flushHeld(deps)]);
    expect(sender.sent).toHaveLength(5);
    expect(new Set(sender.sent.map((m) => m.to)).size).toBe(5);
    // The runs interleave at every await, each finding some of the other's claims and leaving them to it.
    const failed = runs.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SmsFlushIncompleteError);
    expect(await flushHeld(deps)).toEqual({ sent: 0, dropped: 0 });
  });

  it('keeps a message it failed to publish held, settles the others, and fails so the scheduler runs it again', async () => {
    const { deps, queue, clock, sender } = setup(shanghai('23:30'));
    await queue(sms('c1#remind'));
    await queue(sms('c2#remind', { to: '+8613900006666' }));
    clock.at = shanghai('07:00', 24);
    sender.failNext = 1;
    await expect(flushHeld(deps)).rejects.toBeInstanceOf(SmsFlushIncompleteError);
    expect(sender.sent).toHaveLength(1);
    expect(await flushHeld(deps)).toEqual({ sent: 1, dropped: 0 });
    expect(sender.sent).toHaveLength(2);
  });
});
