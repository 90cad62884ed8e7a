import type { RosterVolunteer } from '../../lib/domain/visits/plan-week';
import type { VisitStore } from '../../lib/ports/visit-store';
import { DEMO_ELDERS, DEMO_GRIDS, DEMO_VOLUNTEERS } from '../../local/seed/demo-data';
import { sampleVisit } from './samples';

const centre = (gridId: string) => DEMO_GRIDS.find((g) => g.gridId === gridId)!.centroid;
const demoVolunteer = (i: number) => {
  const { name, phone, ...volunteer } = DEMO_VOLUNTEERS[i]!;
  return { volunteer: { ...volunteer, location: centre(volunteer.gridId) } as RosterVolunteer, contact: { name, phone } };
};
const demoElder = (i: number) => {
  const { name, phone, address, emergencyContact, ...elder } = DEMO_ELDERS[i]!;
  return { elder: { ...elder, location: centre(elder.gridId) }, contact: { name, address, emergencyContact, ...(phone ? { phone } : {}) } };
};

/** What every VisitStore does (lib/ports/visit-store.ts). */
export function describeVisitStoreContract(name: string, make: () => Promise<VisitStore>): void {
  describe(`VisitStore contract: ${name}`, () => {
    it('registers volunteers with one phone each, found by any writing of it; re-registering is allowed', async () => {
      const store = await make();
      const a = demoVolunteer(0);
      const b = demoVolunteer(1);
      expect(await store.addVolunteer(a.volunteer, a.contact)).toBe(true);
      expect(await store.addVolunteer(a.volunteer, a.contact)).toBe(true);
      expect(await store.addVolunteer(b.volunteer, { ...b.contact, phone: a.contact.phone })).toBe(false);
      expect(await store.volunteerContact(b.volunteer.volunteerId)).toBeUndefined();
      expect(await store.addVolunteer(b.volunteer, b.contact)).toBe(true);
      expect(await store.volunteerByPhone(a.contact.phone.replace(/^\+86/, ''))).toBe(a.volunteer.volunteerId);
      expect(await store.volunteerByPhone('13999999999')).toBeUndefined();
      expect(await store.volunteerContact(a.volunteer.volunteerId)).toEqual(a.contact);
      expect((await store.volunteers()).map((v) => v.volunteerId).sort()).toEqual([a.volunteer.volunteerId, b.volunteer.volunteerId].sort());
    });

    it('registers elders, a phone held by at most one of them', async () => {
      const store = await make();
      const withPhone = demoElder(DEMO_ELDERS.findIndex((e) => e.phone));
      const other = demoElder(DEMO_ELDERS.findIndex((e) => e.elderId !== withPhone.elder.elderId));
      expect(await store.addElder(withPhone.elder, withPhone.contact)).toBe(true);
      expect(await store.addElder(other.elder, { ...other.contact, phone: withPhone.contact.phone })).toBe(false);
      expect(await store.elderContact(other.elder.elderId)).toBeUndefined();
      expect(await store.elderContact(withPhone.elder.elderId)).toEqual(withPhone.contact);
      expect((await store.elders()).map((e) => e.elderId)).toEqual([withPhone.elder.elderId]);
    });

    it('books a visit and its volunteer’s block at once: never two visits in one block of one volunteer', async () => {
      const store = await make();
      const at = '2026-11-24T01:00:00.000Z';
      expect(await store.book(sampleVisit('VIS-1', 'V001', at))).toBe(true);
      expect(await store.book(sampleVisit('VIS-1', 'V002', '2026-11-25T01:00:00.000Z'))).toBe(false);
      expect(await store.book(sampleVisit('VIS-2', 'V001', at, { elderId: 'E002' }))).toBe(false);
      expect(await store.visit('VIS-2')).toBeUndefined();
      const results = await Promise.all(['VIS-3', 'VIS-4', 'VIS-5'].map((id) => store.book(sampleVisit(id, 'V003', at))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.visit('VIS-1')).toEqual(sampleVisit('VIS-1', 'V001', at));
    });

    it('changes a visit only from the version it was read at', async () => {
      const store = await make();
      await store.book(sampleVisit('VIS-6', 'V001', '2026-11-24T01:00:00.000Z', { waitingFor: 'check-in', taskToken: 't-1' }));
      expect(await store.update('VIS-6', 1, { status: 'checked-in', checkedInBy: 'V001' }, ['taskToken', 'waitingFor'])).toBe(true);
      expect(await store.update('VIS-6', 1, { status: 'missed' })).toBe(false);
      const stored = await store.visit('VIS-6');
      expect(stored).toMatchObject({ status: 'checked-in', checkedInBy: 'V001', version: 2 });
      expect(stored).not.toHaveProperty('taskToken');
      expect(await store.update('VIS-none', 1, { status: 'missed' })).toBe(false);
      const racing = await Promise.all(['ok', 'concern'].map((wellbeing) => store.update('VIS-6', 2, { wellbeing: wellbeing as 'ok' })));
      expect(racing.filter(Boolean)).toHaveLength(1);
    });

    it('lists visits of an elder or a volunteer by time, and what a week booked', async () => {
      const store = await make();
      await store.book(sampleVisit('VIS-b', 'V001', '2026-11-25T01:00:00.000Z'));
      await store.book(sampleVisit('VIS-a', 'V001', '2026-11-24T01:00:00.000Z', { elderId: 'E002' }));
      await store.book(sampleVisit('VIS-c', 'V002', '2026-11-24T01:00:00.000Z'));
      await store.book(sampleVisit('VIS-d', 'V002', '2026-12-01T01:00:00.000Z', { weekId: '2026-11-30' }));
      expect((await store.visitsOf({ volunteerId: 'V001' })).map((v) => v.visitId)).toEqual(['VIS-a', 'VIS-b']);
      expect((await store.visitsOf({ elderId: 'E001' })).map((v) => v.visitId)).toEqual(['VIS-c', 'VIS-b', 'VIS-d']);
      expect((await store.visitsOf({ elderId: 'E001', volunteerId: 'V002' })).map((v) => v.visitId)).toEqual(['VIS-c', 'VIS-d']);
      expect((await store.visitsOf({ volunteerId: 'V002', from: '2026-11-23', to: '2026-11-30' })).map((v) => v.visitId)).toEqual(['VIS-c']);
      expect((await store.bookedInWeek('2026-11-23')).sort((x, y) => x.visitId.localeCompare(y.visitId))).toEqual([
        { visitId: 'VIS-a', elderId: 'E002', volunteerId: 'V001', windowStart: '2026-11-24T01:00:00.000Z' },
        { visitId: 'VIS-b', elderId: 'E001', volunteerId: 'V001', windowStart: '2026-11-25T01:00:00.000Z' },
        { visitId: 'VIS-c', elderId: 'E001', volunteerId: 'V002', windowStart: '2026-11-24T01:00:00.000Z' },
      ]);
    });

    it('points a volunteer’s SMS check-in at one visit, or none', async () => {
      const store = await make();
      expect(await store.checkInPointer('V001')).toBeUndefined();
      await store.pointCheckIn('V001', 'VIS-1');
      expect(await store.checkInPointer('V001')).toBe('VIS-1');
      await store.pointCheckIn('V001', null);
      expect(await store.checkInPointer('V001')).toBeUndefined();
    });
  });
}
