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

export interface DeferredMessage {
  key: string;
  to: string;
  text: string;
  sendAfter: string;
  /** Past this moment the content is no longer true: the flush drops it. */
  staleAt?: string;
}

/** Messages held back by quiet hours until the morning flush. */
export interface DeferredSmsQueue {
  defer(message: DeferredMessage): Promise<void>;
  due(now: Date): Promise<DeferredMessage[]>;
  remove(message: DeferredMessage): Promise<void>;
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
