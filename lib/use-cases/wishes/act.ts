import { createHash } from 'node:crypto';
import { actorIdOf, requireActor, type WishActor } from '../../domain/actor';
import { toShanghaiIso } from '../../domain/case';
import { actsAsVolunteer, mayApproachWish, mayTakeWishAction, requirePermission, actingVolunteerId, VOLUNTEER_WISH_ACTIONS } from '../../domain/policy';
import type { WishAction } from '../../contracts/http/wishes';
import { queueKey } from '../../domain/wishes/queue-key';
import { CONTACT_WITHIN_DAYS, type Claim, type Wish } from '../../domain/wishes/wish';
import { wishSms } from '../../domain/wishes/wish-sms';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import type { ExecutionView } from '../../ports/workflows';
import { commandFrom, type CommandSource } from '../command-source';
import { retryOnLostRace } from '../lost-race';
import { notifyOnce } from '../notify';
import { tellWait } from './tell-wait';
import type { Ports } from '../ports';

const conflict = (message = '该心愿当前不能进行此操作') => new ConflictError(message, 'NOT_ALLOWED_NOW');

async function load(deps: Pick<Ports, 'wishes'>, wishId: string): Promise<Wish> {
  const wish = await deps.wishes.get(wishId);
  if (!wish) throw new NotFoundError('未找到该心愿');
  return wish;
}

const NOT_GRID_STAFF = '只有受助人所在网格的网格员可以操作';
const NOT_A_VOLUNTEER = '只有志愿者可以认领和完成心愿';

/** The volunteer taking a volunteer's action (the policy lets nobody else this far). */
function volunteerOf(actor: WishActor): string {
  const volunteerId = actingVolunteerId(actor);
  if (!volunteerId) throw new ForbiddenError(NOT_A_VOLUNTEER);
  return volunteerId;
}

/** Who decided what, so that the same vetting sent twice is recognised as a repeat. */
function vetFingerprint(actor: WishActor, action: Extract<WishAction, { type: 'vet' }>): string {
  return createHash('sha256').update(`${actorIdOf(actor)}|${action.approved}|${action.note}`).digest('hex').slice(0, 32);
}

/** 409 unless the wish's execution is in one of `allowed`: a decision nobody will take is never a 202. */
async function ensureRunning(deps: Pick<Ports, 'workflows'>, wishId: string, allowed: ExecutionView['status'][]): Promise<void> {
  const execution = await deps.workflows.describe('wish', wishId);
  if (!execution || !allowed.includes(execution.status)) throw new ConflictError('该心愿的流程未在运行，操作未被记录，请联系指挥中心', 'WORKFLOW_NOT_RUNNING');
}

/**
 * Tells the workflow's wait what the wish as now recorded says (`tellWait`), reading it afresh after a
 * write; `gone` is fine while the execution runs on (a later wait takes what is recorded), not once it
 * has stopped.
 */
async function passOn(deps: Pick<Ports, 'wishes' | 'workflows'>, wish: Wish | string): Promise<void> {
  const current = typeof wish === 'string' ? await load(deps, wish) : wish;
  if ((await tellWait(deps, current)) === 'gone') await ensureRunning(deps, current.wishId, ['RUNNING', 'SUCCEEDED']);
}

/** Passes a claim on: its own workflow (started once per name), the volunteer's SMS (once per key), the wait for claims. */
async function passOnClaim(deps: ActOnWishDeps, wishId: string, claim: Claim): Promise<void> {
  await deps.workflows.start('wish-claim', `${wishId}-${claim.volunteerId}-${claim.seq}`, { wishId, volunteerId: claim.volunteerId });
  const phone = claim.status === 'claimed' ? (await deps.visits.volunteerContact(claim.volunteerId))?.phone : undefined;
  if (phone) await notifyOnce(deps, { key: `${wishId}#claimed#${claim.volunteerId}#${claim.seq}`, to: phone, text: wishSms.claimed(wishId, CONTACT_WITHIN_DAYS), urgent: true });
  await tellWait(deps, await load(deps, wishId));
}

/** Whether the caller may act on this wish at all (policy.ts), decided before the action is read. */
function wishInScope(actor: WishActor, wish: Wish): void {
  requirePermission(mayApproachWish(actor, wish), actsAsVolunteer(actor) ? NOT_A_VOLUNTEER : NOT_GRID_STAFF);
}

/** Whether the caller may take this action on this wish (policy.ts). */
function mayTake(actor: WishActor, action: WishAction, wish: Wish): void {
  requirePermission(mayTakeWishAction(actor, action.type, wish), VOLUNTEER_WISH_ACTIONS.includes(action.type) ? NOT_A_VOLUNTEER : NOT_GRID_STAFF);
}

export type ActOnWishDeps = Pick<Ports, 'wishes' | 'visits' | 'workflows' | 'outbox' | 'clock'>;

/**
 * `POST /v1/wishes/{wishId}/actions`. The caller's scope on the wish comes before the action is read
 * (403 before 400). Every change is a conditional write; the workflow hears ids and codes.
 */
export async function actOnWish(deps: ActOnWishDeps, wishId: string, actorIn: WishActor | undefined, source: CommandSource<WishAction>): Promise<{ wishId: string; status: string }> {
  const actor = requireActor(actorIn);
  const scoped = await load(deps, wishId);
  wishInScope(actor, scoped);
  const action = commandFrom(source);
  // Each lost race means someone else's change landed, so a handful of tries always settles it.
  return retryOnLostRace(
    `wish ${wishId}`,
    async (race) => {
      const wish = race === 0 ? scoped : await load(deps, wishId);
      const done = await attempt(deps, wish, actor, action);
      return done ? { done: { wishId, status: done } } : 'lost';
    },
    () => conflict('心愿正在被他人更新，请重试'),
  );
}

/** One try; `undefined` when another writer got there first (try again on fresh data). */
async function attempt(deps: ActOnWishDeps, wish: Wish, actor: WishActor, action: WishAction): Promise<string | undefined> {
  mayTake(actor, action, wish);
  const now = toShanghaiIso(deps.clock.now());
  switch (action.type) {
    case 'vet': {
      const mine = vetFingerprint(actor, action);
      if (wish.vetDecision) {
        if (wish.vetDecision.fingerprint !== mine) throw conflict('该心愿已审核');
        // A repeat: pass the decision on again if its wait is open, else the wait takes it when it opens.
        if (wish.waitingFor === 'vet' && wish.taskToken) await passOn(deps, wish);
        else await ensureRunning(deps, wish.wishId, ['RUNNING', 'SUCCEEDED']);
        return action.approved ? 'published' : 'rejected';
      }
      if (wish.status !== 'submitted') throw conflict();
      await ensureRunning(deps, wish.wishId, ['RUNNING']);
      // Recorded whether or not the workflow waits yet: the vetting wait takes a recorded decision at once.
      // The token stays with the wish, so that a repeat can pass the decision on if this call cannot.
      if (!(await deps.wishes.update(wish, { vetNote: action.note, vetDecision: { approved: action.approved, fingerprint: mine } }))) return undefined;
      if (wish.waitingFor === 'vet' && wish.taskToken) await passOn(deps, wish.wishId);
      return action.approved ? 'published' : 'rejected';
    }
    case 'claim': {
      const volunteerId = volunteerOf(actor);
      const claims = await deps.wishes.claims(wish.wishId);
      const mine = claims.find((c) => c.volunteerId === volunteerId);
      // A repeat passes the claim on again: what the first call could not finish is finished now.
      if (mine && mine.status !== 'released') {
        await passOnClaim(deps, wish.wishId, mine);
        return wish.status;
      }
      if (wish.status !== 'published' || wish.claimCount >= wish.claimantsNeeded) throw conflict('该心愿已认领满或不在认领期');
      await ensureRunning(deps, wish.wishId, ['RUNNING']);
      const claim: Claim = { wishId: wish.wishId, volunteerId, status: 'claimed', claimedAt: now, seq: (mine?.seq ?? 0) + 1 };
      const fillsLast = wish.claimCount + 1 === wish.claimantsNeeded;
      if (!(await deps.wishes.claim(wish, claim, fillsLast))) {
        const fresh = await load(deps, wish.wishId);
        if (fresh.status !== 'published' || fresh.claimCount >= fresh.claimantsNeeded) throw conflict('该心愿已认领满或不在认领期');
        return undefined;
      }
      await passOnClaim(deps, wish.wishId, claim);
      return fillsLast ? 'claimed' : 'published';
    }
    case 'contact': {
      const volunteerId = volunteerOf(actor);
      if (!(await deps.wishes.changeClaim(wish, volunteerId, ['claimed'], 'contacted', {}))) return claimUnchanged(deps, wish, volunteerId, ['contacted', 'fulfilled']);
      return wish.status;
    }
    case 'fulfil': {
      const volunteerId = volunteerOf(actor);
      const last = wish.fulfilledCount + 1 === wish.claimantsNeeded && wish.status === 'claimed';
      await ensureRunning(deps, wish.wishId, ['RUNNING']);
      if (!(await deps.wishes.changeClaim(wish, volunteerId, ['claimed', 'contacted'], 'fulfilled', last ? { status: 'fulfilled' } : {}))) {
        const repeat = await claimUnchanged(deps, wish, volunteerId, ['fulfilled']);
        if (repeat !== undefined) await tellWait(deps, wish);
        return repeat;
      }
      if (last) await tellWait(deps, await load(deps, wish.wishId));
      return last ? 'fulfilled' : wish.status;
    }
    case 'confirm': {
      // The beneficiary's own SMS reply confirms too (sms-inbound.ts): the policy lets them confirm their own wish.
      if (wish.status === 'confirmed') {
        await passOn(deps, wish);
        return 'confirmed';
      }
      if (wish.status !== 'fulfilled') throw conflict();
      await ensureRunning(deps, wish.wishId, ['RUNNING']);
      // Before the workflow waits for the confirmation, its wait finds the wish confirmed and goes on.
      if (!(await deps.wishes.update(wish, { status: 'confirmed' }))) return undefined;
      await passOn(deps, wish.wishId);
      return 'confirmed';
    }
    case 'withdraw': {
      if (wish.status === 'withdrawn') {
        await tellWait(deps, wish);
        return 'withdrawn';
      }
      if (!['submitted', 'published', 'claimed'].includes(wish.status)) throw conflict('已完成或已关闭的心愿不能撤回');
      for (const claim of await deps.wishes.claims(wish.wishId)) {
        if (claim.status !== 'claimed' && claim.status !== 'contacted') continue;
        const phone = (await deps.visits.volunteerContact(claim.volunteerId))?.phone;
        if (phone) await notifyOnce(deps, { key: `${wish.wishId}#withdrawn#${claim.volunteerId}`, to: phone, text: wishSms.withdrawn(wish.wishId), urgent: false });
      }
      if (!(await deps.wishes.update(wish, { status: 'withdrawn', vetNote: action.reason }))) return undefined;
      await tellWait(deps, await load(deps, wish.wishId));
      return 'withdrawn';
    }
    case 'release': {
      const volunteerId = volunteerOf(actor);
      const released = await releaseClaim(deps, wish, volunteerId);
      if (released === 'not-active') {
        const repeat = await claimUnchanged(deps, wish, volunteerId, ['released']);
        if (repeat !== undefined) await tellWait(deps, wish);
        return repeat;
      }
      return released === 'raced' ? undefined : 'published';
    }
  }
}

/** A repeat of a claim change that already happened is fine; anything else is a conflict (or a race). */
async function claimUnchanged(deps: Pick<Ports, 'wishes'>, wish: Wish, volunteerId: string, alreadyOk: Claim['status'][]): Promise<string | undefined> {
  const claim = (await deps.wishes.claims(wish.wishId)).find((c) => c.volunteerId === volunteerId);
  if (!claim) throw new ForbiddenError('您没有认领该心愿');
  if (alreadyOk.includes(claim.status)) return wish.status;
  const fresh = await load(deps, wish.wishId);
  if (fresh.version !== wish.version) return undefined;
  throw conflict();
}

export type ReleaseClaimDeps = Pick<Ports, 'wishes' | 'workflows'>;

/**
 * Gives a claim's place back: the wish returns to published, at the front of the queue and of
 * matching; a workflow waiting for fulfilment goes back to waiting for claims.
 */
export async function releaseClaim(deps: ReleaseClaimDeps, wish: Wish, volunteerId: string): Promise<'released' | 'not-active' | 'raced'> {
  const reopen = wish.status === 'claimed' || wish.status === 'fulfilled';
  const set: Partial<Wish> = reopen ? { status: 'published', queueKey: queueKey(wish, true) } : { queueKey: queueKey(wish, true) };
  const claims = await deps.wishes.claims(wish.wishId);
  const claim = claims.find((c) => c.volunteerId === volunteerId);
  if (!claim || !['claimed', 'contacted'].includes(claim.status)) return 'not-active';
  if (!(await deps.wishes.changeClaim(wish, volunteerId, ['claimed', 'contacted'], 'released', set))) return 'raced';
  await tellWait(deps, await load(deps, wish.wishId));
  return 'released';
}
