/** Sends one SMS. SNS in global regions, a domestic provider where SNS cannot send (AWS China). */
export interface SmsSender {
  send(message: { to: string; text: string }): Promise<{ messageId: string }>;
}

/** Remembers which business keys have had their side effect, so a retried step does not repeat it. */
export interface OnceStore {
  /** `true` when the caller now holds the key and must do the work; `false` when it was done (or is being done). */
  claim(key: string, leaseSeconds: number): Promise<boolean>;
  complete(key: string, detail: Record<string, string>): Promise<void>;
  release(key: string): Promise<void>;
}

/** One SMS a use case wants sent. */
export interface OutgoingSms {
  /** Business key (`261122-K7F3Q#grid-check#1`): a key is queued, and so sent, at most once. */
  key: string;
  to: string;
  text: string;
  /**
   * Urgent messages ignore quiet hours and the opt-out list (emergencies, welfare alarms, direct replies
   * to someone who just wrote); everything else is suppressed for a number that answered 退订.
   */
  urgent: boolean;
  /**
   * When the content stops being true (a deadline it names has passed): a message still undelivered
   * at this moment (held by quiet hours, say) is dropped instead of telling someone to act on the past.
   */
  staleAt?: string;
  /** Whom it is for, when the sender knows: residents have a tighter daily cap than staff (lib/domain/limits.ts). */
  audience?: 'resident' | 'staff';
}

/** A message quiet hours hold back, as the morning flush reads it. */
export interface HeldSms extends OutgoingSms {
  /** When quiet hours end for it (07:00 Asia/Shanghai). */
  sendAfter: string;
}

/** Where a delivery ended: published (with the provider's message id) or dropped, and why. */
export type SmsOutcome = { sent: string } | { dropped: 'opt-out' | 'stale' | 'cap' };

/**
 * The transactional outbox of SMS: use cases queue messages (in the same transaction as the change
 * that causes them where a store offers one, otherwise alone); the one sender delivers them and records
 * each outcome once. A delivery holds a message through a claim, so a redelivered trigger or a second
 * run never publishes what has been recorded.
 */
export interface SmsOutbox {
  /** Queues the message; `false` when its key was queued before (a retried step), which changes nothing. */
  enqueue(message: OutgoingSms, at: Date): Promise<boolean>;
  /**
   * Takes a message for delivery. `queued`: one just queued (the stream's delivery; a delivery of the
   * same message that died mid-way is taken over, as a stream never runs one shard's records twice at
   * once). `held`: one quiet hours held (the morning flush; another run's claim is respected until its
   * lease ends). `resumed` when the claim took over a delivery that stopped mid-way: whether that one
   * published is unknown, so the message may now go out twice (the one at-least-once edge). `done` when
   * its outcome is recorded or it waits for the morning, `busy` when another flush holds it.
   */
  claim(key: string, from: 'queued' | 'held', now: Date): Promise<'claimed' | 'resumed' | 'done' | 'busy'>;
  /** Holds a claimed message until `until` (the end of quiet hours); `false` when the claim was lost meanwhile. */
  hold(message: OutgoingSms, until: Date): Promise<boolean>;
  /** Held messages whose quiet hours have ended by `now`, oldest first. */
  dueHeld(now: Date): Promise<HeldSms[]>;
  /**
   * Records the outcome of a claimed message (and, for a held one, takes it off the held list);
   * `false` when the claim was lost meanwhile (another delivery took it over and records its own).
   */
  finish(key: string, outcome: SmsOutcome, at: Date, held?: HeldSms): Promise<boolean>;
  /** Gives a claimed message back (publishing failed), so the next attempt takes it. */
  release(key: string, to: 'queued' | 'held'): Promise<void>;
  /** Takes a held entry whose message was already settled off the held list. */
  forget(held: HeldSms): Promise<void>;
}

/**
 * Numbers that answered 退订: only urgent messages (emergencies, alarms, replies to what the person
 * just wrote) still reach them. Implementations key the list by a digest, never the number itself.
 */
export interface OptOutList {
  /**
   * `true` when this inbound message put the number on the list (also on its redelivery), `false` when
   * it was already there: the opt-out is acknowledged once.
   */
  optOut(phone: string, by: { messageId: string; at: Date }): Promise<boolean>;
  /** `true` when the number was on the list. */
  optIn(phone: string): Promise<boolean>;
  has(phone: string): Promise<boolean>;
}
