import type { PointsLedger } from '../../lib/ports/points-ledger';
import type { VisitStore } from '../../lib/ports/visit-store';
import { DEMO_ELDERS, DEMO_GRIDS } from '../../local/seed/demo-data';
import { sampleVisit } from './samples';

export interface PointsLedgerSubject {
  ledger: PointsLedger;
  /** Where the elder's history a visit's credit records is read back (the roster's elder list). */
  visits: VisitStore;
}

/** What every PointsLedger does (lib/ports/points-ledger.ts): each credit once, appended, oldest first. */
export function describePointsLedgerContract(name: string, make: () => Promise<PointsLedgerSubject>): void {
  describe(`PointsLedger contract: ${name}`, () => {
    it('credits a completed visit once, and records it in the elder’s history with it', async () => {
      const { ledger, visits } = await make();
      const { name: elderName, phone, address, emergencyContact, ...elder } = DEMO_ELDERS[0]!;
      await visits.addElder({ ...elder, location: DEMO_GRIDS[0]!.centroid }, { name: elderName, address, emergencyContact, ...(phone ? { phone } : {}) });
      const visit = sampleVisit('VIS-1', 'V001', '2026-11-23T01:00:00.000Z', { elderId: elder.elderId, checkedInBy: 'V002', status: 'checked-in' });
      expect(await ledger.creditVisit({ visit, points: 10, at: '2026-11-23T03:05:00.000Z' })).toBe(true);
      expect(await ledger.creditVisit({ visit, points: 10, at: '2026-11-23T03:06:00.000Z' })).toBe(false);
      expect(await ledger.entries('V001')).toEqual([{ ref: 'VIS-1', reason: 'companion-visit', points: 10, at: '2026-11-23T03:05:00.000Z' }]);
      expect((await visits.elders()).find((e) => e.elderId === elder.elderId)).toMatchObject({ lastVisitAt: '2026-11-23T03:05:00.000Z', lastVolunteerId: 'V002' });
    });

    it('credits each claimant of a confirmed wish once, and lists a volunteer’s visits and wishes oldest first', async () => {
      const { ledger } = await make();
      expect(await ledger.creditWish({ wishId: 'W3K9QX', volunteerId: 'V001', points: 15, at: '2026-11-24T01:00:00.000Z' })).toBe(true);
      expect(await ledger.creditWish({ wishId: 'W3K9QX', volunteerId: 'V001', points: 15, at: '2026-11-24T02:00:00.000Z' })).toBe(false);
      expect(await ledger.creditWish({ wishId: 'W3K9QX', volunteerId: 'V002', points: 15, at: '2026-11-24T01:00:00.000Z' })).toBe(true);
      await ledger.creditVisit({ visit: sampleVisit('VIS-2', 'V001', '2026-11-22T01:00:00.000Z'), points: 10, at: '2026-11-22T03:00:00.000Z' });
      expect(await ledger.entries('V001')).toEqual([
        { ref: 'VIS-2', reason: 'companion-visit', points: 10, at: '2026-11-22T03:00:00.000Z' },
        { ref: 'W3K9QX', reason: 'micro-wish', points: 15, at: '2026-11-24T01:00:00.000Z' },
      ]);
      expect(await ledger.entries('V999')).toEqual([]);
    });

    it('credits exactly once when the crediting step runs twice at once', async () => {
      const { ledger } = await make();
      const results = await Promise.all([1, 2, 3].map(() => ledger.creditWish({ wishId: 'W1', volunteerId: 'V003', points: 15, at: '2026-11-24T01:00:00.000Z' })));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await ledger.entries('V003')).toHaveLength(1);
    });
  });
}
