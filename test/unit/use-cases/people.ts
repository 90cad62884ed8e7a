import type { StaffActor } from '../../../lib/domain/actor';
import type { Wish } from '../../../lib/domain/wishes/wish';
import { DEMO_GRIDS, DEMO_VOLUNTEERS } from '../../../local/seed/demo-data';
import { sampleWish } from '../../contract/samples';
import type { FakePorts } from '../../support/fakes/ports';

/** Registers the first `count` demo volunteers (as the seed does) and returns them with their phones. */
export async function registeredVolunteers(ports: FakePorts, count: number) {
  const volunteers = DEMO_VOLUNTEERS.slice(0, count);
  for (const { name, phone, ...volunteer } of volunteers) {
    const location = DEMO_GRIDS.find((g) => g.gridId === volunteer.gridId)!.centroid;
    await ports.visits.addVolunteer({ ...volunteer, location }, { name, phone });
  }
  return volunteers.map((v) => ({ volunteerId: v.volunteerId, phone: v.phone }));
}

export const volunteer = (volunteerId: string): StaffActor => ({ kind: 'staff', sub: `vol-${volunteerId}`, role: 'volunteer', grids: [], volunteerId });

/** The beneficiary of every wish these tests publish. */
export const BENEFICIARY = { name: '李奶奶', phone: '+8613800009001' };

/** Wish W3K9QX of grid G01, published, its workflow running (waiting as `over` says), on the fakes. */
export async function publishedWish(ports: FakePorts, over: Partial<Wish> = {}): Promise<Wish> {
  const wish = sampleWish('W3K9QX', over);
  await ports.wishes.create(wish, BENEFICIARY, 'beneficiary-1');
  await ports.workflows.start('wish', wish.wishId, { wishId: wish.wishId });
  return wish;
}
