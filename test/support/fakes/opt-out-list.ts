import type { OptOutList } from '../../../lib/ports/messaging';
import { phoneKey } from './phone-key';

/** Opted-out numbers, one entry per number whatever its writing, remembering the message that opted it out. */
export class FakeOptOutList implements OptOutList {
  readonly entries = new Map<string, { messageId: string; at: string }>();

  async optOut(phone: string, by: { messageId: string; at: Date }): Promise<boolean> {
    const key = phoneKey(phone);
    const entry = this.entries.get(key);
    if (entry) return entry.messageId === by.messageId;
    this.entries.set(key, { messageId: by.messageId, at: by.at.toISOString() });
    return true;
  }

  async optIn(phone: string): Promise<boolean> {
    return this.entries.delete(phoneKey(phone));
  }

  async has(phone: string): Promise<boolean> {
    return this.entries.has(phoneKey(phone));
  }
}
