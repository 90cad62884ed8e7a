import type { Visit } from '../domain/visits/visit';
import type { RosterElder, RosterVolunteer } from '../domain/visits/plan-week';

export interface ElderContact {
  name: string;
  phone?: string;
  address: string;
  emergencyContact?: { name: string; phone: string };
}

export interface VolunteerContact {
  name: string;
  phone: string;
}

/** Elders, volunteers and visits. Personal data is kept apart from what plans use. (Points: lib/ports/points-ledger.ts.) */
export interface VisitStore {
  /**
   * Registers an elder with their phone (if any) claimed in the same write: `false`, and nothing
   * written, when another elder already holds that phone. Re-registering the same elder is allowed.
   */
  addElder(elder: RosterElder, contact: ElderContact): Promise<boolean>;
  /** As `addElder`: a phone belongs to at most one volunteer; `false` when it is taken. */
  addVolunteer(volunteer: RosterVolunteer, contact: VolunteerContact): Promise<boolean>;
  elders(): Promise<RosterElder[]>;
  volunteers(): Promise<RosterVolunteer[]>;
  elderContact(elderId: string): Promise<ElderContact | undefined>;
  volunteerContact(volunteerId: string): Promise<VolunteerContact | undefined>;
  volunteerByPhone(phone: string): Promise<string | undefined>;
  /** What was booked for a week (as booked): the roster keeps it and plans around it. */
  bookedInWeek(weekId: string): Promise<Array<Pick<Visit, 'visitId' | 'elderId' | 'volunteerId' | 'windowStart'>>>;
  visitsOf(filter: { elderId?: string; volunteerId?: string; from?: string; to?: string }): Promise<Visit[]>;
  visit(visitId: string): Promise<Visit | undefined>;
  /** Books a visit and its volunteer's block at once; `false` if either is already taken. */
  book(visit: Visit): Promise<boolean>;
  /** Applies `set` if the visit is still at `expectedVersion`; `false` when someone changed it first. */
  update(visitId: string, expectedVersion: number, set: Partial<Visit>, remove?: Array<keyof Visit>): Promise<boolean>;
  /** The visit a volunteer's phone can check in to by SMS right now. */
  pointCheckIn(volunteerId: string, visitId: string | null): Promise<void>;
  checkInPointer(volunteerId: string): Promise<string | undefined>;
}
