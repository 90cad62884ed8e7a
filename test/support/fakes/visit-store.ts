import type { RosterElder, RosterVolunteer } from '../../../lib/domain/visits/plan-week';
import type { Visit } from '../../../lib/domain/visits/visit';
import type { ElderContact, VisitStore, VolunteerContact } from '../../../lib/ports/visit-store';
import { copy } from './copy';
import { phoneKey } from './phone-key';

type StoredElder = RosterElder & { lastVisitAt?: string; lastVolunteerId?: string };

/** A booked visit and the index entries it was booked under (as the adapter's GSIs, which later updates leave alone). */
interface StoredVisit {
  visit: Visit;
  indexed: { volunteerId: string; elderId: string; windowStart: string };
}

/** Elders and volunteers with their phones held by one each, visits with one per volunteer block, check-in pointers. */
export class FakeVisitStore implements VisitStore {
  readonly elderProfiles = new Map<string, StoredElder>();
  readonly elderContacts = new Map<string, ElderContact>();
  readonly volunteerProfiles = new Map<string, RosterVolunteer>();
  readonly volunteerContacts = new Map<string, VolunteerContact>();
  readonly elderPhones = new Map<string, string>();
  readonly volunteerPhones = new Map<string, string>();
  readonly visits = new Map<string, StoredVisit>();
  /** `<volunteerId>#<windowStart>` → visitId. */
  readonly slots = new Map<string, string>();
  readonly checkIns = new Map<string, string | null>();

  async addElder(elder: RosterElder, contact: ElderContact): Promise<boolean> {
    const phone = contact.phone ? phoneKey(contact.phone) : undefined;
    if (phone && (this.elderPhones.get(phone) ?? elder.elderId) !== elder.elderId) return false;
    this.elderProfiles.set(elder.elderId, copy(elder));
    this.elderContacts.set(elder.elderId, copy(contact));
    if (phone) this.elderPhones.set(phone, elder.elderId);
    return true;
  }

  async addVolunteer(volunteer: RosterVolunteer, contact: VolunteerContact): Promise<boolean> {
    const phone = phoneKey(contact.phone);
    if ((this.volunteerPhones.get(phone) ?? volunteer.volunteerId) !== volunteer.volunteerId) return false;
    this.volunteerProfiles.set(volunteer.volunteerId, copy(volunteer));
    this.volunteerContacts.set(volunteer.volunteerId, copy(contact));
    this.volunteerPhones.set(phone, volunteer.volunteerId);
    return true;
  }

  /** In the registry's order: by grid, then id. */
  async elders(): Promise<RosterElder[]> {
    return copy([...this.elderProfiles.values()].sort((a, b) => (`${a.gridId}#${a.elderId}` < `${b.gridId}#${b.elderId}` ? -1 : 1)));
  }

  async volunteers(): Promise<RosterVolunteer[]> {
    return copy([...this.volunteerProfiles.values()].sort((a, b) => (`${a.gridId}#${a.volunteerId}` < `${b.gridId}#${b.volunteerId}` ? -1 : 1)));
  }

  async elder(elderId: string): Promise<RosterElder | undefined> {
    return copy(this.elderProfiles.get(elderId));
  }

  async elderContact(elderId: string): Promise<ElderContact | undefined> {
    return copy(this.elderContacts.get(elderId));
  }

  async volunteerContact(volunteerId: string): Promise<VolunteerContact | undefined> {
    return copy(this.volunteerContacts.get(volunteerId));
  }

  async volunteerByPhone(phone: string): Promise<string | undefined> {
    return this.volunteerPhones.get(phoneKey(phone));
  }

  async bookedInWeek(weekId: string): Promise<Array<Pick<Visit, 'visitId' | 'elderId' | 'volunteerId' | 'windowStart'>>> {
    return [...this.visits.values()]
      .filter((v) => v.visit.weekId === weekId)
      .sort((a, b) => (a.visit.visitId < b.visit.visitId ? -1 : 1))
      .map(({ visit }) => ({ visitId: visit.visitId, ...copy(this.visits.get(visit.visitId)!.indexed) }));
  }

  async visitsOf(filter: { elderId?: string; volunteerId?: string; from?: string; to?: string }): Promise<Visit[]> {
    const from = filter.from ?? '0000';
    const to = filter.to ?? '9999';
    return copy(
      [...this.visits.values()]
        .filter(({ indexed }) => (filter.elderId ? indexed.elderId === filter.elderId : indexed.volunteerId === filter.volunteerId))
        .filter(({ indexed }) => indexed.windowStart >= from && indexed.windowStart <= to)
        .sort((a, b) => (a.indexed.windowStart < b.indexed.windowStart ? -1 : a.indexed.windowStart > b.indexed.windowStart ? 1 : 0))
        .map(({ visit }) => visit)
        .filter((v) => !filter.volunteerId || !filter.elderId || v.volunteerId === filter.volunteerId),
    );
  }

  async visit(visitId: string): Promise<Visit | undefined> {
    return copy(this.visits.get(visitId)?.visit);
  }

  async book(visit: Visit): Promise<boolean> {
    const slot = `${visit.volunteerId}#${visit.windowStart}`;
    if (this.visits.has(visit.visitId) || this.slots.has(slot)) return false;
    this.visits.set(visit.visitId, { visit: copy(visit), indexed: { volunteerId: visit.volunteerId, elderId: visit.elderId, windowStart: visit.windowStart } });
    this.slots.set(slot, visit.visitId);
    return true;
  }

  async update(visitId: string, expectedVersion: number, set: Partial<Visit>, remove: Array<keyof Visit> = []): Promise<boolean> {
    const stored = this.visits.get(visitId);
    if (!stored || stored.visit.version !== expectedVersion) return false;
    const { version: _version, visitId: _visitId, ...fields } = copy(set);
    Object.assign(stored.visit, fields);
    for (const field of remove) delete stored.visit[field];
    stored.visit.version = expectedVersion + 1;
    return true;
  }

  async pointCheckIn(volunteerId: string, visitId: string | null): Promise<void> {
    this.checkIns.set(volunteerId, visitId);
  }

  async checkInPointer(volunteerId: string): Promise<string | undefined> {
    return this.checkIns.get(volunteerId) ?? undefined;
  }
}
