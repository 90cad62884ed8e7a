import type { StaffActor } from '../../../lib/domain/actor';
import { DEMO_GRIDS, DEMO_VOLUNTEERS } from '../../../local/seed/demo-data';
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
