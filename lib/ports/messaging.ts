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
}

/** Messages held back by quiet hours until the morning flush. */
export interface DeferredSmsQueue {
  defer(message: DeferredMessage): Promise<void>;
  due(now: Date): Promise<DeferredMessage[]>;
  remove(message: DeferredMessage): Promise<void>;
}
