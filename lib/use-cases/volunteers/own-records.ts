import type { StaffActor } from '../../domain/actor';
import { mayManageGrid, mayReadVolunteer, requirePermission } from '../../domain/policy';
import type { Visit } from '../../domain/visits/visit';
import { publicView } from '../../domain/wishes/wish';
import { UnauthenticatedError } from '../../errors';
import type { Ports } from '../ports';

/**
 * What a volunteer reads about themselves (their claims, their points and hours), and what a grid's
 * staff have waiting on its wishes. Lists only: every action is on the wish or visit routes.
 */

/** `GET /v1/volunteers/{volunteerId}/claims`: the volunteer or the centre; each claim with its wish's title, status and deadline. */
export async function volunteerClaims(deps: Pick<Ports, 'wishes'>, actor: StaffActor | undefined, volunteerId: string) {
  if (!actor) throw new UnauthenticatedError();
  requirePermission(mayReadVolunteer(actor, volunteerId), '只能查看自己的认领');
  const claims = await deps.wishes.claimsOf(volunteerId);
  const wishes = await Promise.all(claims.map((c) => deps.wishes.get(c.wishId)));
  return claims.flatMap((c, i) => {
    const wish = wishes[i];
    if (!wish) return [];
    return [{ wishId: c.wishId, title: publicView(wish).title, category: wish.category, wishStatus: wish.status, claimStatus: c.status, claimedAt: c.claimedAt, ...(wish.deadline ? { deadline: wish.deadline } : {}) }];
  });
}

/** `GET /v1/grids/{gridId}/wishes`: a grid's wishes waiting for its staff (vet, confirm): its grid workers and the centre. */
export async function wishesAwaitingStaff(deps: Pick<Ports, 'wishes'>, actor: StaffActor | undefined, gridId: string) {
  if (!actor) throw new UnauthenticatedError();
  requirePermission(mayManageGrid(actor, gridId), '只能查看本网格的心愿');
  const wishes = await deps.wishes.awaitingStaff(gridId);
  return wishes.map((w) => ({ ...publicView(w), submittedAt: w.submittedAt, awaits: w.status === 'submitted' ? ('vet' as const) : ('confirm' as const) }));
}

/** Hours a completed visit counts for: check-in to check-out, within the visit's window; none if either is missing. */
export function visitHours(visit: Pick<Visit, 'windowStart' | 'windowEnd' | 'checkedInAt' | 'checkedOutAt'>): number {
  if (!visit.checkedInAt || !visit.checkedOutAt) return 0;
  const from = Math.max(Date.parse(visit.checkedInAt), Date.parse(visit.windowStart));
  const to = Math.min(Date.parse(visit.checkedOutAt), Date.parse(visit.windowEnd));
  return to > from ? (to - from) / 3_600_000 : 0;
}

/**
 * `GET /v1/volunteers/{volunteerId}/points`: the volunteer or the centre. The ledger's entries as
 * credited, their total, and the hours of the visits they were credited for (see `visitHours`).
 */
export async function volunteerPoints(deps: Pick<Ports, 'ledger' | 'visits'>, actor: StaffActor | undefined, volunteerId: string) {
  if (!actor) throw new UnauthenticatedError();
  requirePermission(mayReadVolunteer(actor, volunteerId), '只能查看自己的积分');
  const entries = await deps.ledger.entries(volunteerId);
  const visits = await Promise.all(entries.filter((e) => e.reason === 'companion-visit').map((e) => deps.visits.visit(e.ref)));
  const hours = visits.reduce((sum, v) => sum + (v ? visitHours(v) : 0), 0);
  return {
    volunteerId,
    total: entries.reduce((sum, e) => sum + e.points, 0),
    hours: Math.round(hours * 10) / 10,
    entries: entries.map((e) => ({ reason: e.reason, ref: e.ref, points: e.points, at: e.at })),
  };
}
