import type { HeldSms, OutgoingSms, SmsOutbox, SmsOutcome } from '../../../lib/ports/messaging';
import { copy } from './copy';

/** How long a flush's claim on a held message stands (as the adapter: longer than the sender's timeout). */
const FLUSH_LEASE_SECONDS = 120;

/** One outbox item: its message until settled, then only its outcome (as the adapter drops number and text). */
export interface OutboxEntry {
  key: string;
  state: 'queued' | 'sending' | 'held' | 'sent' | 'dropped';
  message?: OutgoingSms;
  queuedAt?: string;
  via?: 'queued' | 'held';
  leaseUntil?: number;
  heldUntil?: string;
  outcome?: SmsOutcome;
  settledAt?: string;
}

const heldListKey = (held: Pick<HeldSms, 'key' | 'sendAfter'>) => `${held.sendAfter}#${held.key}`;

/** The SMS outbox: queued → sending → sent/dropped, or held across quiet hours with a held-list entry. */
export class FakeSmsOutbox implements SmsOutbox {
  readonly items = new Map<string, OutboxEntry>();
  /** The held list, by `<sendAfter>#<key>` (the adapter's sort key). */
  readonly heldList = new Map<string, HeldSms>();

  /** Every message ever queued, in the order queued (a settled item forgets its text; this record keeps it for tests). */
  private readonly log: OutgoingSms[] = [];

  queued(): OutgoingSms[] {
    return copy(this.log);
  }

  async enqueue(message: OutgoingSms, at: Date): Promise<boolean> {
    return this.enqueueAll([message], at);
  }

  /** Queues all or none: `false`, and nothing queued, when any key was queued before (a store's transaction). */
  enqueueAll(messages: OutgoingSms[], at: Date): boolean {
    if (messages.some((m) => this.items.has(m.key)) || new Set(messages.map((m) => m.key)).size !== messages.length) return false;
    for (const message of messages) {
      this.items.set(message.key, { key: message.key, state: 'queued', message: copy(message), queuedAt: at.toISOString() });
      this.log.push(copy(message));
    }
    return true;
  }

  async claim(key: string, from: 'queued' | 'held', now: Date): Promise<'claimed' | 'resumed' | 'done' | 'busy'> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const item = this.items.get(key);
    const takes =
      from === 'queued'
        ? item !== undefined && (item.state === 'queued' || (item.state === 'sending' && item.via === 'queued'))
        : item === undefined || item.state === 'held' || (item.state === 'sending' && item.via === 'held' && (item.leaseUntil ?? 0) < nowSeconds);
    if (!takes) return from === 'held' && item?.state === 'sending' ? 'busy' : 'done';
    const wasSending = item?.state === 'sending';
    const entry: OutboxEntry = item ?? { key, state: 'sending' };
    Object.assign(entry, { state: 'sending', via: from, leaseUntil: nowSeconds + FLUSH_LEASE_SECONDS });
    this.items.set(key, entry);
    return wasSending ? 'resumed' : 'claimed';
  }

  async hold(message: OutgoingSms, until: Date): Promise<boolean> {
    const item = this.items.get(message.key);
    if (item?.state !== 'sending') return false;
    const held: HeldSms = { ...copy(message), urgent: false, sendAfter: until.toISOString() };
    Object.assign(item, { state: 'held', heldUntil: held.sendAfter });
    delete item.via;
    delete item.leaseUntil;
    this.heldList.set(heldListKey(held), held);
    return true;
  }

  async dueHeld(now: Date): Promise<HeldSms[]> {
    const nowIso = now.toISOString();
    const days = new Set([new Date(now.getTime() - 86400_000).toISOString().slice(0, 10), nowIso.slice(0, 10)]);
    return [...this.heldList.entries()]
      .filter(([, held]) => days.has(held.sendAfter.slice(0, 10)) && held.sendAfter <= nowIso)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, held]) => copy(held));
  }

  async finish(key: string, outcome: SmsOutcome, at: Date, held?: HeldSms): Promise<boolean> {
    const item = this.items.get(key);
    if (item?.state !== 'sending') return false;
    Object.assign(item, { state: 'sent' in outcome ? 'sent' : 'dropped', outcome: copy(outcome), settledAt: at.toISOString() });
    for (const field of ['message', 'via', 'leaseUntil'] as const) delete item[field];
    if (held) this.heldList.delete(heldListKey(held));
    return true;
  }

  async release(key: string, to: 'queued' | 'held'): Promise<void> {
    const item = this.items.get(key);
    if (item?.state !== 'sending') return;
    item.state = to;
    delete item.via;
    delete item.leaseUntil;
  }

  async forget(held: HeldSms): Promise<void> {
    this.heldList.delete(heldListKey(held));
  }
}
