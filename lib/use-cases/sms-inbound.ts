import type { InboundSms } from '../contracts/sms';
import { phoneSchema } from '../domain/phone';
import { smsText } from '../domain/sms-text';
import { visitSms } from '../domain/visits/visit-sms';
import { AppError } from '../errors';
import { log } from '../log';
import { handleRatingReply, type HandleRatingReplyDeps } from './case/sms-reply';
import { notifyOnce } from './notify';
import type { Ports } from './ports';
import { actOnWish, type ActOnWishDeps } from './wishes/act';
import { wishSms } from '../domain/wishes/wish-sms';
import { checkIn, type VisitActionDeps } from './visits/visit-actions';

/** An inbound SMS may rate a case, check in to a visit, claim or confirm a wish, or change a subscription. */
export type SmsInboundDeps = HandleRatingReplyDeps & VisitActionDeps & ActOnWishDeps & Pick<Ports, 'optOuts' | 'consoleUrl'>;

const OPT_OUT = /^(退订|TD|T|STOP|N)$/;
const OPT_IN = /^订阅$/;

/**
 * `退订`/`TD`/`T`/`STOP`/`N` (any case, full-width letters too) or `订阅`, alone in the message apart from
 * surrounding spaces and a closing full stop or exclamation mark; anything else is no keyword.
 */
export function parseSubscriptionKeyword(text: string): 'opt-out' | 'opt-in' | undefined {
  const word = text.normalize('NFKC').trim().replace(/[。.!]+$/, '').toUpperCase();
  if (OPT_OUT.test(word)) return 'opt-out';
  if (OPT_IN.test(word)) return 'opt-in';
  return undefined;
}

/**
 * Every SMS reply: `退订` and its variants put the number on the opt-out list, `订阅` takes it off; a wish code (`W3K9QX`) from a volunteer's phone claims that wish, exactly as the API
 * does; `收到` from a beneficiary confirms their wish; `到` checks in to a visit; anything else is a
 * resident rating a case (or gets help). Carriers hand numbers over as `13800138000`,
 * `8613800138000` or `+8613800138000`; they are compared in E.164.
 */
export async function handleInboundSms(deps: SmsInboundDeps, inbound: InboundSms): Promise<'opted-out' | 'opted-in' | 'checked-in' | 'claimed' | 'confirmed' | 'rated' | 'helped'> {
  const normalised = phoneSchema.safeParse(inbound.from.replace(/^86(?=1\d{10}$)/, ''));
  const message = { ...inbound, from: normalised.success ? normalised.data : inbound.from };
  const keyword = parseSubscriptionKeyword(message.text);
  if (keyword) return changeSubscription(deps, message, keyword);
  const cleaned = message.text.replace(/[\s。.!！]/g, '').toUpperCase();
  const wishCode = /^(认领)?(W[0-9A-Z]{5})$/.exec(cleaned)?.[2];
  if (wishCode) return claimBySms(deps, message, wishCode);
  if (/^(收到|已收到)$/.test(cleaned)) return confirmBySms(deps, message);
  if (cleaned !== '到') return handleRatingReply(deps, message);
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  const volunteerId = await deps.visits.volunteerByPhone(message.from);
  const visitId = volunteerId ? await deps.visits.checkInPointer(volunteerId) : undefined;
  if (!volunteerId || !visitId) {
    await reply(visitSms.nothingToCheckIn());
    return 'helped';
  }
  try {
    await checkIn(deps, visitId, volunteerId);
  } catch (err) {
    if (!(err instanceof AppError && err.expose)) throw err;
    await reply(visitSms.nothingToCheckIn());
    return 'helped';
  }
  await reply(visitSms.checkedIn(visitId, deps.consoleUrl));
  return 'checked-in';
}

async function claimBySms(deps: SmsInboundDeps, message: InboundSms, wishId: string): Promise<'claimed' | 'helped'> {
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  const volunteerId = await deps.visits.volunteerByPhone(message.from);
  if (!volunteerId) {
    await reply(visitSms.nothingToCheckIn());
    return 'helped';
  }
  try {
    await actOnWish(deps, wishId, { kind: 'volunteer-by-sms', volunteerId }, { type: 'claim' });
    return 'claimed';
  } catch (err) {
    if (!(err instanceof AppError && err.expose)) throw err;
    await reply(wishSms.claimFailed(wishId));
    return 'helped';
  }
}

/** The beneficiary confirms by replying 收到 from the phone the wish was recorded with. */
async function confirmBySms(deps: SmsInboundDeps, message: InboundSms): Promise<'confirmed' | 'helped'> {
  const wishId = await deps.wishes.wishAwaitingConfirmationFrom(message.from);
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  if (!wishId) return handleRatingReply(deps, message).then(() => 'helped' as const);
  try {
    await actOnWish(deps, wishId, { kind: 'beneficiary', wishId }, { type: 'confirm', note: '受助人短信确认' });
  } catch (err) {
    if (!(err instanceof AppError && err.expose)) throw err;
    return 'helped';
  }
  await reply(wishSms.confirmedThanks(wishId));
  return 'confirmed';
}

/** The acknowledgement is a reply to the person's own message, so it goes out although they opted out. */
async function changeSubscription(deps: SmsInboundDeps, message: InboundSms, keyword: 'opt-out' | 'opt-in'): Promise<'opted-out' | 'opted-in'> {
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  if (keyword === 'opt-in') {
    const wasOptedOut = await deps.optOuts.optIn(message.from);
    log.info('sms opt-in', { messageId: message.messageId, wasOptedOut });
    await reply(smsText.optedIn());
    return 'opted-in';
  }
  const newly = await deps.optOuts.optOut(message.from, { messageId: message.messageId, at: deps.clock.now() });
  log.info('sms opt-out', { messageId: message.messageId, newly });
  if (newly) await reply(smsText.optedOut());
  return 'opted-out';
}
