import { z } from 'zod';
import { addHours, toShanghaiIso } from '../../domain/case';
import { shortLocalTime } from '../../domain/sms-text';
import { CONTACT_WITHIN_DAYS, POINTS_PER_WISH, type Wish } from '../../domain/wishes/wish';
import { wishSms } from '../../domain/wishes/wish-sms';
import { AppError } from '../../errors';
import { notifyOnce } from '../notify';
import { recipients } from '../case/recipients';
import { queueKey, releaseClaim } from './act';
import type { WishDeps } from './deps';

/** Every task of the wish and wish-claim workflows, one schema; they pass ids only. */
export const wishTaskInput = z.discriminatedUnion('task', [
  z.object({ task: z.literal('await'), wishId: z.string(), step: z.enum(['vet', 'claimed', 'fulfilled', 'confirm']), taskToken: z.string() }),
  z.object({ task: z.literal('remind-vet'), wishId: z.string() }),
  z.object({ task: z.literal('reject'), wishId: z.string() }),
  z.object({ task: z.literal('publish'), wishId: z.string() }),
  z.object({ task: z.literal('time-left'), wishId: z.string() }),
  z.object({ task: z.literal('expire'), wishId: z.string() }),
  z.object({ task: z.literal('thank'), wishId: z.string() }),
  z.object({ task: z.literal('plan-claim'), wishId: z.string(), volunteerId: z.string() }),
  z.object({ task: z.literal('check-claim'), wishId: z.string(), volunteerId: z.string(), at: z.enum(['contact-reminder', 'contact-deadline', 'fulfil-reminder', 'fulfil-deadline']) }),
]);
export type WishTask = z.infer<typeof wishTaskInput>;

async function load(deps: WishDeps, wishId: string): Promise<Wish> {
  const wish = await deps.wishes.get(wishId);
  if (!wish) throw new AppError(`wish ${wishId} not found`, { statusCode: 500, code: 'WISH_MISSING' });
  return wish;
}

async function change(deps: WishDeps, wishId: string, fn: (w: Wish) => Partial<Wish> | undefined, remove: Array<keyof Wish> = []): Promise<Wish> {
  for (let race = 0; race < 5; race += 1) {
    const wish = await load(deps, wishId);
    const set = fn(wish);
    if (!set) return wish;
    if (await deps.wishes.update(wish, set, remove)) return { ...wish, ...set };
  }
  throw new AppError(`wish ${wishId} kept changing`, { statusCode: 500, code: 'WISH_CONTENDED' });
}

/** Whether what a step waits for has already happened (then the new token is answered at once). */
function alreadyDone(wish: Wish, step: 'vet' | 'claimed' | 'fulfilled' | 'confirm'): Record<string, unknown> | undefined {
  if (step === 'vet' && wish.vetDecision) return { approved: wish.vetDecision.approved };
  if (step === 'claimed' && wish.claimCount >= wish.claimantsNeeded) return { claimed: true };
  if (step === 'fulfilled' && (wish.status === 'fulfilled' || wish.status === 'confirmed')) return { fulfilled: true };
  if (step === 'confirm' && wish.status === 'confirmed') return { confirmed: true };
  return undefined;
}

/** Releases a claim on fresh data, retrying when another writer changed the wish meanwhile. */
async function releaseWithRetry(deps: WishDeps, wishId: string, volunteerId: string) {
  for (let race = 0; race < 5; race += 1) {
    const outcome = await releaseClaim(deps, await load(deps, wishId), volunteerId);
    if (outcome !== 'raced') return outcome;
  }
  throw new AppError(`wish ${wishId} kept changing`, { statusCode: 500, code: 'WISH_CONTENDED' });
}

export async function runWishTask(deps: WishDeps, input: WishTask): Promise<Record<string, unknown>> {
  const who = recipients(deps);
  const volunteerPhone = async (id: string) => (await deps.visits.volunteerContact(id))?.phone;
  const beneficiaryPhone = async (wishId: string) => (await deps.wishes.beneficiary(wishId))?.phone;
  switch (input.task) {
    case 'await': {
      const wish = await change(deps, input.wishId, (w) => (w.taskToken === input.taskToken ? undefined : { waitingFor: input.step, taskToken: input.taskToken }));
      const done = alreadyDone(wish, input.step);
      if (done) await deps.workflows.completeTask(input.taskToken, done);
      else if (input.step === 'vet') {
        const phone = await who.gridWorker(wish.gridId);
        if (phone) await notifyOnce(deps, { key: `${wish.wishId}#vet`, to: phone, text: wishSms.vetRequested(wish.wishId, wish.title), urgent: false });
      } else if (input.step === 'confirm') {
        const phone = await who.gridWorker(wish.gridId);
        if (phone) await notifyOnce(deps, { key: `${wish.wishId}#confirm`, to: phone, text: wishSms.confirmRequested(wish.wishId), urgent: false });
        const beneficiary = await beneficiaryPhone(wish.wishId);
        if (beneficiary) {
          await deps.wishes.awaitConfirmationFrom(beneficiary, wish.wishId);
          await notifyOnce(deps, { key: `${wish.wishId}#confirm-by-reply`, to: beneficiary, text: wishSms.confirmByReply(wish.wishId), urgent: false, audience: 'resident' });
        }
      }
      return {};
    }
    case 'remind-vet': {
      const wish = await load(deps, input.wishId);
      const phone = await who.gridWorker(wish.gridId);
      const day = Math.floor(deps.clock.now().getTime() / 86400_000);
      if (phone) await notifyOnce(deps, { key: `${wish.wishId}#vet#${day}`, to: phone, text: wishSms.vetRequested(wish.wishId, wish.title), urgent: false });
      return {};
    }
    case 'reject': {
      const wish = await change(deps, input.wishId, (w) => (w.status === 'rejected' ? undefined : { status: 'rejected' }), ['taskToken', 'waitingFor']);
      const phone = await beneficiaryPhone(wish.wishId);
      if (phone) await notifyOnce(deps, { key: `${wish.wishId}#rejected`, to: phone, text: wishSms.rejected(wish.wishId), urgent: false });
      return {};
    }
    case 'publish': {
      const now = deps.clock.now();
      const wish = await change(deps, input.wishId, (w) => {
        if (w.status !== 'submitted') return undefined;
        const publishedAt = toShanghaiIso(now);
        return { status: 'published', publishedAt, deadline: toShanghaiIso(addHours(now, w.daysToFulfil * 24)), queueKey: queueKey({ publishedAt, wishId: w.wishId }, false) };
      }, ['taskToken', 'waitingFor']);
      const phone = await beneficiaryPhone(wish.wishId);
      if (phone) await notifyOnce(deps, { key: `${wish.wishId}#published`, to: phone, text: wishSms.published(wish.wishId), urgent: false });
      return {};
    }
    case 'time-left': {
      const wish = await load(deps, input.wishId);
      return { seconds: Math.max(60, Math.round((Date.parse(wish.deadline!) - deps.clock.now().getTime()) / 1000)) };
    }
    case 'expire': {
      let wish = await load(deps, input.wishId);
      for (const claim of await deps.wishes.claims(wish.wishId)) {
        if (claim.status !== 'claimed' && claim.status !== 'contacted') continue;
        await releaseWithRetry(deps, input.wishId, claim.volunteerId);
        wish = await load(deps, input.wishId);
        const phone = await volunteerPhone(claim.volunteerId);
        if (phone) await notifyOnce(deps, { key: `${wish.wishId}#expired#${claim.volunteerId}`, to: phone, text: wishSms.expired(wish.wishId), urgent: false });
      }
      await change(deps, input.wishId, (w) => (w.status === 'expired' ? undefined : { status: 'expired' }), ['taskToken', 'waitingFor']);
      const phone = await who.gridWorker(wish.gridId);
      if (phone) await notifyOnce(deps, { key: `${wish.wishId}#expired`, to: phone, text: wishSms.expired(wish.wishId), urgent: false });
      return {};
    }
    case 'thank': {
      const now = toShanghaiIso(deps.clock.now());
      let credited = 0;
      for (const claim of (await deps.wishes.claims(input.wishId)).filter((c) => c.status === 'fulfilled')) {
        if (await deps.wishes.credit(input.wishId, claim.volunteerId, POINTS_PER_WISH, now)) credited += 1;
        const phone = await volunteerPhone(claim.volunteerId);
        if (phone) await notifyOnce(deps, { key: `${input.wishId}#thanks#${claim.volunteerId}`, to: phone, text: wishSms.thanks(input.wishId, POINTS_PER_WISH), urgent: false });
      }
      return { credited };
    }
    case 'plan-claim': {
      const wish = await load(deps, input.wishId);
      const claim = (await deps.wishes.claims(input.wishId)).find((c) => c.volunteerId === input.volunteerId);
      const claimedAt = Date.parse(claim?.claimedAt ?? toShanghaiIso(deps.clock.now()));
      const deadline = Date.parse(wish.deadline!);
      const at = (ms: number) => new Date(Math.min(ms, deadline)).toISOString();
      return {
        contactReminderAt: at(claimedAt + (CONTACT_WITHIN_DAYS - 2) * 86400_000),
        contactDeadlineAt: at(claimedAt + CONTACT_WITHIN_DAYS * 86400_000),
        fulfilReminderAt: new Date(Math.max(claimedAt, deadline - 2 * 86400_000)).toISOString(),
        fulfilDeadlineAt: new Date(deadline).toISOString(),
      };
    }
    case 'check-claim': {
      const wish = await load(deps, input.wishId);
      const claim = (await deps.wishes.claims(input.wishId)).find((c) => c.volunteerId === input.volunteerId);
      const open = wish.status === 'published' || wish.status === 'claimed';
      const active = open && claim !== undefined && (claim.status === 'claimed' || claim.status === 'contacted');
      if (!active) return { active: false, contacted: claim?.status === 'fulfilled' };
      const phone = await volunteerPhone(input.volunteerId);
      const contacted = claim.status === 'contacted';
      const send = async (kind: string, text: string, staleAt?: string) => {
        if (phone) await notifyOnce(deps, { key: `${wish.wishId}#${input.volunteerId}#${claim.seq}#${kind}`, to: phone, text, urgent: false, ...(staleAt ? { staleAt } : {}) });
      };
      switch (input.at) {
        case 'contact-reminder':
          if (!contacted) await send('contact-reminder', wishSms.contactReminder(wish.wishId));
          return { active: true, contacted };
        case 'fulfil-reminder':
          await send('fulfil-reminder', wishSms.fulfilReminder(wish.wishId, shortLocalTime(new Date(wish.deadline!))), wish.deadline);
          return { active: true, contacted };
        case 'contact-deadline':
          if (contacted) return { active: true, contacted };
        // falls through: no contact within the time is a lapsed claim, like one unfulfilled at the deadline
        case 'fulfil-deadline': {
          if ((await releaseWithRetry(deps, input.wishId, input.volunteerId)) === 'released') await send('released', wishSms.released(wish.wishId));
          return { active: false, contacted };
        }
      }
    }
  }
}
