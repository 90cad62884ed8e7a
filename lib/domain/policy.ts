import type { CaseActionType } from '../contracts/http/cases';
import type { WishActionType } from '../contracts/http/wishes';
import { ForbiddenError } from '../errors';
import type { Actor, CaseActor, StaffActor, WishActor } from './actor';
import type { CaseRecord } from './case';
import { isPastEscalation, type Visit } from './visits/visit';

/**
 * Who may do what, on which scope: the one place these rules are written. Each function answers a
 * question; the use case asking it decides what a "no" is called (its 403 message), so the wording
 * can stay with the operation while the rule stays here.
 */

/** A "no" from one of the rules below, as the caller names it. */
export function requirePermission(allowed: boolean, message: string): void {
  if (!allowed) throw new ForbiddenError(message);
}

/** The centre (指挥中心): every grid and department, and what only it does (metrics, workflows, volunteers, resuming). */
export function isCentre(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.role === 'admin';
}

/** What lives in a grid (its elders, its wishes, its cases' checks): the centre, or a grid worker of that grid. */
export function mayManageGrid(actor: StaffActor, gridId: string | undefined): boolean {
  return isCentre(actor) || (actor.role === 'grid-worker' && gridId !== undefined && actor.grids.includes(gridId));
}

/** The department a case is dispatched (or being dispatched) to. */
function isDepartment(actor: StaffActor, departmentId: string | undefined): boolean {
  return actor.role === 'department' && departmentId !== undefined && actor.departmentId === departmentId;
}

/** Whether a staff member may see a case in this grid, dispatched to this department. */
export function staffCovers(actor: StaffActor, scope: { gridId?: string; departmentId?: string }): boolean {
  return mayManageGrid(actor, scope.gridId) || isDepartment(actor, scope.departmentId);
}

/**
 * Whether staff may act on a case at all, before the action is known: those who cover it, and the
 * department the workflow is routing it to (it may accept before the step opens).
 */
export function staffMayActOnCase(actor: StaffActor, record: Pick<CaseRecord, 'gridId' | 'departmentId' | 'awaiting'>): boolean {
  return staffCovers(actor, record) || isDepartment(actor, record.awaiting?.departmentId);
}

/**
 * Who may take an action on a case, before asking whether the case waits for it: a grid worker in the
 * case's grid (or the centre) checks and verifies; only the department the case is dispatched to
 * accepts, refuses and resolves; only the reporter rates; only the centre reviews.
 */
export function mayTakeCaseAction(actor: CaseActor, action: CaseActionType, record: Pick<CaseRecord, 'gridId' | 'departmentId'>): boolean {
  if (action === 'feedback') return actor.kind === 'resident';
  if (actor.kind !== 'staff') return false;
  switch (action) {
    case 'grid-check':
    case 'verify':
      return mayManageGrid(actor, record.gridId);
    case 'accept':
    case 'refuse':
    case 'resolve':
      return isDepartment(actor, record.departmentId);
    case 'centre-review':
      return isCentre(actor);
  }
}

/** The scopes whose work queues a staff member reads: their grids, their department, or the centre's (with the district's 兜底). */
export function worklistScope(actor: StaffActor, districtDepartmentId: string): { centre: boolean; grids: string[]; departments: string[] } {
  switch (actor.role) {
    case 'grid-worker':
      return { centre: false, grids: actor.grids, departments: [] };
    case 'department':
      return { centre: false, grids: [], departments: actor.departmentId ? [actor.departmentId] : [] };
    case 'admin':
      return { centre: true, grids: [], departments: [districtDepartmentId] };
    default:
      return { centre: false, grids: [], departments: [] };
  }
}

/**
 * The volunteer an actor is, if any: a volunteer signed in with their volunteer id, or one known by the
 * phone they text from. Only a volunteer checks in and out, claims and carries out wishes.
 */
export function actingVolunteerId(actor: Actor): string | undefined {
  if (actor.kind === 'volunteer-by-sms') return actor.volunteerId;
  return actor.kind === 'staff' && actor.role === 'volunteer' ? actor.volunteerId : undefined;
}

/**
 * Who may check in to a visit: its volunteer; once it is missed (or escalated, which the check-in then
 * refuses as too late), its backup too; and whoever checked in already (a repeat).
 */
export function mayCheckIn(volunteerId: string, visit: Pick<Visit, 'volunteerId' | 'backupVolunteerId' | 'status' | 'checkedInBy'>): boolean {
  const backupsTurn = visit.backupVolunteerId === volunteerId && (visit.status === 'missed' || isPastEscalation(visit));
  return visit.volunteerId === volunteerId || backupsTurn || visit.checkedInBy === volunteerId;
}

/** Only the volunteer who checked in checks out. */
export function mayCheckOut(volunteerId: string, visit: Pick<Visit, 'checkedInBy'>): boolean {
  return visit.checkedInBy === volunteerId;
}

/** Whether the actor comes as a volunteer (signed in or by SMS), whose wish actions are a claimant's. */
export function actsAsVolunteer(actor: Actor): boolean {
  return actor.kind === 'volunteer-by-sms' || (actor.kind === 'staff' && actor.role === 'volunteer');
}

/**
 * Whose visits a staff member may list: the centre all, a grid worker those in their grids, a volunteer
 * only their own (named in the query), a department none. `shows` narrows what the store returned.
 */
export function visitsListing(
  actor: StaffActor,
  query: { volunteerId?: string },
): { allowed: true; shows: (visit: { gridId: string }) => boolean } | { allowed: false; reason: 'only-own' | 'not-for-departments' } {
  if (actor.role === 'volunteer' && query.volunteerId !== actor.volunteerId) return { allowed: false, reason: 'only-own' };
  if (actor.role === 'department') return { allowed: false, reason: 'not-for-departments' };
  return { allowed: true, shows: (visit) => actor.role !== 'grid-worker' || mayManageGrid(actor, visit.gridId) };
}

/** Whose own records (claims, points) a staff member may read: the volunteer themselves, and the centre. */
export function mayReadVolunteer(actor: StaffActor, volunteerId: string): boolean {
  return isCentre(actor) || actingVolunteerId(actor) === volunteerId;
}

/** Actions on a wish that are the beneficiary's grid's (and the centre's), and those that are a volunteer's. */
const GRID_WISH_ACTIONS: readonly WishActionType[] = ['vet', 'confirm', 'withdraw'];
export const VOLUNTEER_WISH_ACTIONS: readonly WishActionType[] = ['claim', 'contact', 'fulfil', 'release'];

/**
 * Whether the actor may act on this wish at all, decided before the action is read: staff of the
 * beneficiary's grid (or the centre); any volunteer (claiming is open to all; only a claimant goes on,
 * which the wish's claims decide); the beneficiary, on their own wish only.
 */
export function mayApproachWish(actor: WishActor, wish: { wishId: string; gridId: string }): boolean {
  switch (actor.kind) {
    case 'beneficiary':
      return actor.wishId === wish.wishId;
    case 'volunteer-by-sms':
      return true;
    case 'staff':
      return actsAsVolunteer(actor) ? actingVolunteerId(actor) !== undefined : mayManageGrid(actor, wish.gridId);
  }
}

/**
 * Who may take an action on a wish: the grid's staff (or the centre) vet, confirm and withdraw; a
 * signed-in volunteer claims, contacts, fulfils and releases; by SMS a volunteer may only claim, and a
 * beneficiary only confirm their own wish ("收到").
 */
export function mayTakeWishAction(actor: WishActor, action: WishActionType, wish: { wishId: string; gridId: string }): boolean {
  switch (actor.kind) {
    case 'beneficiary':
      return action === 'confirm' && actor.wishId === wish.wishId;
    case 'volunteer-by-sms':
      return action === 'claim';
    case 'staff':
      if (GRID_WISH_ACTIONS.includes(action)) return mayManageGrid(actor, wish.gridId);
      return actingVolunteerId(actor) !== undefined;
  }
}

/** How much of a wish a staff member may read: all of it in its grid (or as the centre), the story as a claimant, else nothing. */
export function wishViewerScope(actor: StaffActor, wish: { gridId: string }, claims: Array<{ volunteerId: string }>): 'grid-staff' | 'claimant' | undefined {
  if (mayManageGrid(actor, wish.gridId)) return 'grid-staff';
  const volunteerId = actingVolunteerId(actor);
  return volunteerId !== undefined && claims.some((c) => c.volunteerId === volunteerId) ? 'claimant' : undefined;
}
