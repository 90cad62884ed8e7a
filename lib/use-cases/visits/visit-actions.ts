import { toShanghaiIso } from '../../domain/case';
import type { CheckOutCommand } from '../../contracts/http/visits';
import { requireStaff, type StaffActor } from '../../domain/actor';
import { actingVolunteerId, mayCheckIn, mayCheckOut, visitsListing } from '../../domain/policy';
import { isPastEscalation, visitWaitAnswer, type Visit, type VisitStatus } from '../../domain/visits/visit';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors';
import { commandFrom, type CommandSource } from '../command-source';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';

const notWaiting = () => new ConflictError('该探访当前不在等待此操作', 'NOT_WAITING');

export type VisitActionDeps = Pick<Ports, 'visits' | 'workflows' | 'clock'>;

/**
 * `POST /v1/visits/{id}/check-in` and the SMS reply `到`. Repeating it is harmless. A check-in that keeps
 * losing its write to the workflow's own changes is answered 409 NOT_WAITING.
 */
export function checkIn(deps: VisitActionDeps, visitId: string, volunteerId: string): Promise<{ visitId: string; status: string }> {
  return retryOnLostRace<{ visitId: string; status: string }>(`visit ${visitId}`, async () => {
    const visit = await deps.visits.visit(visitId);
    if (!visit) throw new NotFoundError('未找到该探访');
    if (!mayCheckIn(volunteerId, visit)) throw new ForbiddenError('这不是您的探访');
    if (visit.checkedInBy === volunteerId) {
      await passOnAgain(deps, visit);
      return { done: { visitId, status: visit.status } };
    }
    if (isPastEscalation(visit)) throw new ConflictError('该探访已超时，社区已启动上门查看并通知家属，不能再签到；请直接联系网格员。', 'VISIT_ESCALATED');
    if (visit.checkedInAt || visit.waitingFor !== 'check-in' || !visit.taskToken || visit.status === 'completed' || visit.status === 'cancelled') throw notWaiting();
    const set = { status: 'checked-in' as const, checkedInAt: toShanghaiIso(deps.clock.now()), checkedInBy: volunteerId };
    if (!(await deps.visits.update(visitId, visit.version, set))) return 'lost';
    await deps.workflows.completeTask(visit.taskToken, { checkedIn: true });
    return { done: { visitId, status: 'checked-in' } };
  }, notWaiting);
}

/**
 * `POST /v1/visits/{id}/check-out`: wellbeing and a note; a concern opens a case. Only the volunteer
 * who checked in may, and that is decided before the command is read (403 before 400).
 */
export async function checkOut(
  deps: VisitActionDeps,
  visitId: string,
  volunteerId: string,
  source: CommandSource<CheckOutCommand>,
): Promise<{ visitId: string; status: VisitStatus }> {
  let command: CheckOutCommand | undefined;
  return retryOnLostRace(`visit ${visitId}`, async () => {
    const visit = await deps.visits.visit(visitId);
    if (!visit) throw new NotFoundError('未找到该探访');
    if (!mayCheckOut(volunteerId, visit)) throw new ForbiddenError('只有签到的志愿者可以签退');
    command ??= commandFrom(source);
    if (visit.checkedOutAt) {
      await passOnAgain(deps, visit);
      return { done: { visitId, status: visit.status } };
    }
    const waiting = visit.waitingFor === 'check-out' && visit.taskToken;
    // Checked in, and the workflow on its way to the check-out wait (a fast client, or a restart in
    // between): the answer is recorded, and the wait takes it when it opens. Never a 409 for lag, and
    // never a 202 nobody will take.
    if (!waiting && (visit.status !== 'checked-in' || !(await workflowRunning(deps, visitId)))) throw notWaiting();
    const set = { checkedOutAt: toShanghaiIso(deps.clock.now()), wellbeing: command.wellbeing, note: command.note };
    if (!(await deps.visits.update(visitId, visit.version, set))) return 'lost';
    if (waiting) await deps.workflows.completeTask(visit.taskToken!, { wellbeing: command.wellbeing });
    // The status as stored, as a repeated check-out answers: a check-out leaves it as it was (there is no
    // checked-out status) until the workflow credits the visit `completed`.
    return { done: { visitId, status: visit.status } };
  }, notWaiting);
}

/** A repeat passes the recorded answer on again, in case the first call recorded it but could not. */
async function passOnAgain(deps: Pick<Ports, 'workflows'>, visit: Visit): Promise<void> {
  const answer = visitWaitAnswer(visit, visit.waitingFor);
  if (answer && visit.taskToken) await deps.workflows.completeTask(visit.taskToken, answer);
}

async function workflowRunning(deps: Pick<Ports, 'workflows'>, visitId: string): Promise<boolean> {
  return (await deps.workflows.describe('companion-visit', visitId))?.status === 'RUNNING';
}

export function volunteerIdOf(actor: StaffActor | undefined): string {
  const volunteerId = actingVolunteerId(requireStaff(actor));
  if (!volunteerId) throw new ForbiddenError('仅志愿者本人可以签到签退');
  return volunteerId;
}

/**
 * `GET /v1/visits`: the centre sees all; a grid worker the visits in their grids; a volunteer their own.
 * Whose visits is named in the query, so a volunteer's scope is checked after it is read; roles before.
 */
export async function listVisits(deps: Pick<Ports, 'visits'>, actor: StaffActor | undefined, query: { elderId?: string; volunteerId?: string; from?: string; to?: string }) {
  if (!actor) throw new UnauthenticatedError();
  if (!query.elderId && !query.volunteerId) throw new ValidationError('须指定老人或志愿者', { elderId: '与 volunteerId 至少其一' });
  const listing = visitsListing(actor, query);
  if (!listing.allowed) throw new ForbiddenError(listing.reason === 'only-own' ? '只能查看自己的探访' : '部门无权查看探访');
  const visits = await deps.visits.visitsOf(query);
  return visits
    .filter(listing.shows)
    .map((v) => ({
      visitId: v.visitId,
      elderId: v.elderId,
      volunteerId: v.volunteerId,
      ...(v.backupVolunteerId ? { backupVolunteerId: v.backupVolunteerId } : {}),
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
      status: v.status,
    }));
}
