import type { CaseStore } from '../../lib/ports/case-store';
import type { Attention, RepairStore } from '../../lib/ports/repair-store';
import type { VisitStore } from '../../lib/ports/visit-store';
import type { WishStore } from '../../lib/ports/wish-store';
import { newCase } from './case-store.contract';
import { sampleVisit, sampleWish } from './samples';

export interface RepairStoreSubject {
  repair: RepairStore;
  /** The stores whose entities the reconciler pages through (`candidates`). */
  cases: CaseStore;
  wishes: WishStore;
  visits: VisitStore;
}

const attention = (id: string, over: Partial<Attention> = {}): Attention => ({
  kind: 'case',
  id,
  at: 'dispatch',
  error: 'States.TaskFailed',
  since: '2026-11-23T01:00:00.000Z',
  taskToken: `token-${id}`,
  seq: 1,
  previousStatus: 'dispatched',
  ...over,
});

/** What every RepairStore does (lib/ports/repair-store.ts). */
export function describeRepairStoreContract(name: string, make: () => Promise<RepairStoreSubject>): void {
  describe(`RepairStore contract: ${name}`, () => {
    it('holds an entity for attention until someone resolves it with the token it holds, once', async () => {
      const { repair } = await make();
      await repair.holdForAttention(attention('C-1'));
      expect(await repair.attention('case', 'C-1')).toEqual(attention('C-1'));
      expect(await repair.attention('wish', 'C-1')).toBeUndefined();
      expect(await repair.resolveAttention('case', 'C-1', 'stale-token', '2026-11-23T02:00:00.000Z')).toBe(false);
      expect(await repair.resolveAttention('case', 'C-1', 'token-C-1', '2026-11-23T02:00:00.000Z')).toBe(true);
      expect(await repair.resolveAttention('case', 'C-1', 'token-C-1', '2026-11-23T02:00:01.000Z')).toBe(false);
      expect(await repair.attention('case', 'C-1')).toEqual({ ...attention('C-1'), resolvedAt: '2026-11-23T02:00:00.000Z' });
      expect(await repair.resolveAttention('visit', 'nothing', 'token', '2026-11-23T02:00:00.000Z')).toBe(false);
    });

    it('lists open attention items oldest first, up to the limit, without resolved ones; a re-armed item is open again', async () => {
      const { repair } = await make();
      await repair.holdForAttention(attention('C-2', { since: '2026-11-23T03:00:00.000Z' }));
      await repair.holdForAttention(attention('W-1', { kind: 'wish', since: '2026-11-23T01:00:00.000Z' }));
      await repair.holdForAttention(attention('V-1', { kind: 'visit', since: '2026-11-23T02:00:00.000Z' }));
      expect((await repair.openAttention(10)).map((a) => a.id)).toEqual(['W-1', 'V-1', 'C-2']);
      expect((await repair.openAttention(2)).map((a) => a.id)).toEqual(['W-1', 'V-1']);
      await repair.resolveAttention('visit', 'V-1', 'token-V-1', '2026-11-23T04:00:00.000Z');
      expect((await repair.openAttention(10)).map((a) => a.id)).toEqual(['W-1', 'C-2']);
      await repair.holdForAttention(attention('V-1', { kind: 'visit', since: '2026-11-23T05:00:00.000Z', taskToken: 'fresh', seq: 2 }));
      expect((await repair.openAttention(10)).map((a) => a.id)).toEqual(['W-1', 'C-2', 'V-1']);
      expect(await repair.attention('visit', 'V-1')).toMatchObject({ taskToken: 'fresh', seq: 2 });
    });

    it('moves an entity onto a new execution only from the restart count it was read at: of two reconcilers one wins', async () => {
      const { repair } = await make();
      expect(await repair.run('case', 'C-3')).toBeUndefined();
      const run = (restarts: number) => ({ kind: 'case' as const, id: 'C-3', execution: `C-3-r${restarts}`, restarts });
      const first = await Promise.all([repair.recordRestart(run(1), 0), repair.recordRestart(run(1), 0)]);
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await repair.run('case', 'C-3')).toEqual(run(1));
      expect(await repair.recordRestart(run(2), 0)).toBe(false);
      expect(await repair.recordRestart(run(2), 1)).toBe(true);
      expect(await repair.recordRestart(run(3), 1)).toBe(false);
      expect(await repair.run('case', 'C-3')).toEqual(run(2));
    });

    it('keeps where the last reconciler run stopped, and forgets it when cleared', async () => {
      const { repair } = await make();
      expect(await repair.reconcileCursor()).toBeUndefined();
      await repair.saveReconcileCursor('somewhere');
      expect(await repair.reconcileCursor()).toBe('somewhere');
      await repair.saveReconcileCursor(undefined);
      expect(await repair.reconcileCursor()).toBeUndefined();
    });

    it('pages through every unfinished case, wish and visit, each once, and none that has finished', async () => {
      const { repair, cases, wishes, visits } = await make();
      await cases.create(newCase('C-open'));
      await cases.create(newCase('C-closed', { record: { status: 'closed' } }));
      await wishes.create(sampleWish('W-open'), { name: '李奶奶' }, 'b-1');
      await wishes.create(sampleWish('W-done', { status: 'expired' }), { name: '王爷爷' }, 'b-2');
      // Confirmed is not finished: the thanks (points) are still to come.
      await wishes.create(sampleWish('W-thanks', { status: 'confirmed' }), { name: '赵奶奶' }, 'b-3');
      await visits.book(sampleVisit('V-open', 'V001', '2026-11-23T01:00:00.000Z'));
      await visits.book(sampleVisit('V-done', 'V001', '2026-11-23T05:00:00.000Z', { status: 'completed' }));
      await visits.book(sampleVisit('V-gone', 'V002', '2026-11-23T05:00:00.000Z', { status: 'cancelled' }));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await repair.candidates(cursor, 2);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => `${c.kind}:${c.id}:${c.status}`));
        cursor = page.cursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(seen.sort()).toEqual(['case:C-open:submitted', 'visit:V-open:scheduled', 'wish:W-open:published', 'wish:W-thanks:confirmed']);
    });

    it('refuses a cursor it did not give', async () => {
      const { repair } = await make();
      await expect(repair.candidates('not-a-cursor', 2)).rejects.toMatchObject({ statusCode: 400 });
    });
  });
}
