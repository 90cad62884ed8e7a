import type { OnceStore } from '../../lib/ports/messaging';
import type { FakeClock } from '../support/fakes/clock';

export interface OnceStoreSubject {
  store: OnceStore;
  /** The clock the store reads leases against. */
  clock: FakeClock;
}

/** What every OnceStore does (lib/ports/messaging.ts): one holder per business key; done is done. */
export function describeOnceStoreContract(name: string, make: () => Promise<OnceStoreSubject>): void {
  describe(`OnceStore contract: ${name}`, () => {
    it('gives a key to its first claimer only, while that one holds it', async () => {
      const { store } = await make();
      expect(await store.claim('C1#reminder-24h', 60)).toBe(true);
      expect(await store.claim('C1#reminder-24h', 60)).toBe(false);
      expect(await store.claim('C1#reminder-2h', 60)).toBe(true);
    });

    it('gives a key to exactly one of many concurrent claimers', async () => {
      const { store } = await make();
      const results = await Promise.all(Array.from({ length: 8 }, () => store.claim('C2#notify', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lets a later attempt take over a holder whose lease ran out, but never a completed key', async () => {
      const { store, clock } = await make();
      expect(await store.claim('dead-holder', 60)).toBe(true);
      expect(await store.claim('finished', 60)).toBe(true);
      await store.complete('finished', { messageId: 'm-1' });
      clock.advance(30);
      expect(await store.claim('dead-holder', 60)).toBe(false);
      clock.advance(31);
      expect(await store.claim('dead-holder', 60)).toBe(true);
      clock.advance(3600);
      expect(await store.claim('finished', 60)).toBe(false);
    });

    it('frees a released key for the next attempt', async () => {
      const { store } = await make();
      expect(await store.claim('failed-send', 60)).toBe(true);
      await store.release('failed-send');
      expect(await store.claim('failed-send', 60)).toBe(true);
    });
  });
}
