import type { Claim } from '../../lib/domain/wishes/wish';
import type { WishStore } from '../../lib/ports/wish-store';
import { sampleWish } from './samples';

const claim = (wishId: string, volunteerId: string, seq = 1): Claim => ({ wishId, volunteerId, status: 'claimed', claimedAt: '2026-11-23T01:00:00.000Z', seq });

/** Follows the cursors of one query to its end: every item once, in order. */
async function allPages(store: WishStore, query: { gridId?: string; category?: string; limit: number }) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.published({ ...query, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    ids.push(...page.items.map((w) => w.wishId));
    cursor = page.cursor;
    pages += 1;
  } while (cursor && pages < 100);
  return ids;
}

/** What every WishStore does (lib/ports/wish-store.ts). */
export function describeWishStoreContract(name: string, make: () => Promise<WishStore>): void {
  describe(`WishStore contract: ${name}`, () => {
    it('keeps a wish with its beneficiary, and knows the open wishes of one beneficiary', async () => {
      const store = await make();
      await store.create(sampleWish('W1'), { name: '李奶奶', phone: '+8613800009001' }, 'b-1');
      await store.create(sampleWish('W2', { status: 'confirmed' }), { name: '李奶奶' }, 'b-1');
      await store.create(sampleWish('W3', { status: 'submitted' }), { name: '李奶奶' }, 'b-1');
      await store.create(sampleWish('W4'), { name: '王爷爷' }, 'b-2');
      expect(await store.get('W1')).toEqual(sampleWish('W1'));
      expect(await store.beneficiary('W1')).toEqual({ name: '李奶奶', phone: '+8613800009001' });
      expect((await store.openWishesOf('b-1')).sort()).toEqual(['W1', 'W3']);
      expect(await store.get('W-none')).toBeUndefined();
    });

    it('changes a wish only from the version it was read at', async () => {
      const store = await make();
      const wish = sampleWish('W5', { taskToken: 't', waitingFor: 'claimed' });
      await store.create(wish, { name: '李奶奶' }, 'b-1');
      expect(await store.update(wish, { vetNote: '属实' }, ['taskToken'])).toBe(true);
      expect(await store.update(wish, { vetNote: '再次' })).toBe(false);
      const stored = await store.get('W5');
      expect(stored).toMatchObject({ vetNote: '属实', version: 2 });
      expect(stored).not.toHaveProperty('taskToken');
    });

    it('gives the last place to exactly one of many claims, one active claim per volunteer', async () => {
      const store = await make();
      const wish = sampleWish('W6', { claimantsNeeded: 2 });
      await store.create(wish, { name: '李奶奶' }, 'b-1');
      expect(await store.claim(wish, claim('W6', 'V001'), false)).toBe(true);
      const afterFirst = (await store.get('W6'))!;
      expect(afterFirst).toMatchObject({ status: 'published', claimCount: 1, version: 2 });
      expect(await store.claim(afterFirst, claim('W6', 'V001', 2), true)).toBe(false);
      const results = await Promise.all(['V002', 'V003', 'V004'].map((v) => store.claim(afterFirst, claim('W6', v), true)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.get('W6')).toMatchObject({ status: 'claimed', claimCount: 2, version: 3 });
      expect((await store.claims('W6')).filter((c) => c.status === 'claimed')).toHaveLength(2);
    });

    it('moves a claim on with its wish, and gives a released place back', async () => {
      const store = await make();
      const wish = sampleWish('W7');
      await store.create(wish, { name: '李奶奶' }, 'b-1');
      await store.claim(wish, claim('W7', 'V001'), true);
      let current = (await store.get('W7'))!;
      expect(await store.changeClaim(current, 'V001', ['claimed'], 'contacted', {})).toBe(true);
      expect(await store.changeClaim(current, 'V001', ['claimed'], 'contacted', {})).toBe(false);
      current = (await store.get('W7'))!;
      expect(await store.changeClaim(current, 'V002', ['claimed'], 'released', {})).toBe(false);
      expect(await store.changeClaim(current, 'V001', ['claimed', 'contacted'], 'released', { status: 'published', queueKey: '0#returned#W7' })).toBe(true);
      expect(await store.get('W7')).toMatchObject({ status: 'published', claimCount: 0, queueKey: '0#returned#W7' });
      current = (await store.get('W7'))!;
      expect(await store.claim(current, claim('W7', 'V001', 2), true)).toBe(true);
      current = (await store.get('W7'))!;
      expect(await store.changeClaim(current, 'V001', ['claimed'], 'fulfilled', { status: 'fulfilled' })).toBe(true);
      expect(await store.get('W7')).toMatchObject({ status: 'fulfilled', fulfilledCount: 1, claimCount: 1 });
      expect(await store.claims('W7')).toEqual([expect.objectContaining({ volunteerId: 'V001', status: 'fulfilled', seq: 2 })]);
    });

    it('lists a volunteer’s claims on every wish, released ones too, oldest claimed first', async () => {
      const store = await make();
      const first = sampleWish('W21');
      const second = sampleWish('W22', { claimantsNeeded: 2 });
      await store.create(first, { name: '李奶奶' }, 'b-1');
      await store.create(second, { name: '王爷爷' }, 'b-2');
      await store.claim(second, { ...claim('W22', 'V001'), claimedAt: '2026-11-23T02:00:00.000Z' }, false);
      await store.claim(second, claim('W22', 'V002'), false);
      await store.claim(first, claim('W21', 'V001'), true);
      const current = (await store.get('W21'))!;
      await store.changeClaim(current, 'V001', ['claimed'], 'released', { status: 'published' });
      expect((await store.claimsOf('V001')).map((c) => [c.wishId, c.status])).toEqual([
        ['W21', 'released'],
        ['W22', 'claimed'],
      ]);
      expect(await store.claimsOf('V009')).toEqual([]);
    });

    it('lists a grid’s wishes waiting for its staff (to vet, to confirm), oldest submitted first', async () => {
      const store = await make();
      const toVet = sampleWish('W31', { status: 'submitted', submittedAt: '2026-11-22T09:00:00+08:00' });
      const toConfirm = sampleWish('W32', { submittedAt: '2026-11-21T09:00:00+08:00' });
      await store.create(toVet, { name: '李奶奶' }, 'b-1');
      await store.create(toConfirm, { name: '王爷爷' }, 'b-2');
      await store.create(sampleWish('W33', { status: 'submitted', gridId: 'G02' }), { name: '赵叔叔' }, 'b-3');
      await store.create(sampleWish('W34'), { name: '钱阿姨' }, 'b-4');
      expect((await store.awaitingStaff('G01')).map((w) => w.wishId)).toEqual(['W31']);
      await store.claim(toConfirm, claim('W32', 'V001'), true);
      await store.changeClaim((await store.get('W32'))!, 'V001', ['claimed'], 'fulfilled', { status: 'fulfilled' });
      expect((await store.awaitingStaff('G01')).map((w) => [w.wishId, w.status])).toEqual([
        ['W32', 'fulfilled'],
        ['W31', 'submitted'],
      ]);
      await store.update((await store.get('W31'))!, { status: 'published', publishedAt: '2026-11-23T09:00:00+08:00', queueKey: '1#x#W31' });
      await store.update((await store.get('W32'))!, { status: 'confirmed' });
      expect(await store.awaitingStaff('G01')).toEqual([]);
      expect((await store.awaitingStaff('G02')).map((w) => w.wishId)).toEqual(['W33']);
      expect((await store.published({ gridId: 'G01', limit: 10 })).items.map((w) => w.wishId)).toEqual(['W31']);
    });

    it('lists the published queue in queue order, per grid and category, following its cursors to the end', async () => {
      const store = await make();
      // As the workflow does it: a wish is created submitted and published (queued) by a later change.
      const put = async (id: string, queueKey: string, over: Parameters<typeof sampleWish>[1] = {}) => {
        const submitted = sampleWish(id, { status: 'submitted', queueKey: undefined });
        await store.create(submitted, { name: '某' }, `b-${id}`);
        await store.update(submitted, { status: 'published', queueKey, ...over });
      };
      await put('W-c', '1#2026-11-21T03#W-c');
      await put('W-a', '0#2026-11-21T09#W-a');
      await put('W-b', '1#2026-11-21T01#W-b', { gridId: 'G02' });
      await put('W-d', '1#2026-11-21T05#W-d', { category: '学习用品' });
      await put('W-x', '1#2026-11-21T00#W-x', { status: 'claimed' });
      expect(await allPages(store, { limit: 2 })).toEqual(['W-a', 'W-b', 'W-c', 'W-d']);
      expect(await allPages(store, { limit: 10, gridId: 'G01' })).toEqual(['W-a', 'W-c', 'W-d']);
      expect(await allPages(store, { limit: 1, category: '学习用品' })).toEqual(['W-d']);
      // A wish leaves the queue when it stops being published.
      const a = (await store.get('W-a'))!;
      await store.update(a, { status: 'withdrawn' });
      expect(await allPages(store, { limit: 10 })).toEqual(['W-b', 'W-c', 'W-d']);
    });

    it('refuses a cursor of another query, or none it gave (400)', async () => {
      const store = await make();
      for (const id of ['W-1', 'W-2', 'W-3']) {
        const submitted = sampleWish(id, { status: 'submitted', queueKey: undefined });
        await store.create(submitted, { name: '某' }, `b-${id}`);
        await store.update(submitted, { status: 'published', queueKey: `1#${id}` });
      }
      const page = await store.published({ limit: 1 });
      expect(page.cursor).toBeDefined();
      await expect(store.published({ limit: 1, gridId: 'G01', cursor: page.cursor! })).rejects.toMatchObject({ statusCode: 400 });
      await expect(store.published({ limit: 1, cursor: 'garbage' })).rejects.toMatchObject({ statusCode: 400 });
    });

    it('remembers which wish a beneficiary’s phone may confirm, for any writing of the number', async () => {
      const store = await make();
      await store.awaitConfirmationFrom('13800009001', 'W8');
      expect(await store.wishAwaitingConfirmationFrom('+86 138 0000 9001')).toBe('W8');
      expect(await store.wishAwaitingConfirmationFrom('13800009002')).toBeUndefined();
    });
  });
}
