import type { Clock } from '../../../lib/ports/clock';
import type { OnceStore } from '../../../lib/ports/messaging';

type Entry = { state: 'in-progress'; leaseUntil: number } | { state: 'done'; detail: Record<string, string> };

/** Business keys and their side effect's state; a holder whose lease ran out may be taken over. */
export class FakeOnceStore implements OnceStore {
  readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  async claim(key: string, leaseSeconds: number): Promise<boolean> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const entry = this.entries.get(key);
    if (entry && !(entry.state === 'in-progress' && entry.leaseUntil < nowSeconds)) return false;
    this.entries.set(key, { state: 'in-progress', leaseUntil: nowSeconds + leaseSeconds });
    return true;
  }

  async complete(key: string, detail: Record<string, string>): Promise<void> {
    this.entries.set(key, { state: 'done', detail: { ...detail } });
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
