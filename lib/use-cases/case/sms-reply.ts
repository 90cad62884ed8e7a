import type { InboundSms } from '../../contracts/sms';
import type { Rating } from '../../domain/case';
import { smsText } from '../../domain/sms-text';
import { AppError } from '../../errors';
import { log } from '../../log';
import { notifyOnce, type NotifyDeps } from '../notify';
import type { Ports } from '../ports';
import { actOnCase, type ActOnCaseDeps } from './act';

/** A resident's rating by SMS is a case action taken in their name; the reply goes out by SMS. */
export type HandleRatingReplyDeps = ActOnCaseDeps & NotifyDeps & Pick<Ports, 'consoleUrl'>;

const RATING_REPLIES: Array<[RegExp, Rating]> = [
  [/^(1|１|满意|非常满意)$/, 'satisfied'],
  [/^(2|２|基本满意)$/, 'basically-satisfied'],
  [/^(3|３|不满意|很不满意)$/, 'dissatisfied'],
];

export function parseRatingReply(text: string): Rating | undefined {
  const cleaned = text.replace(/[\s。.!！,，【】]/g, '');
  return RATING_REPLIES.find(([pattern]) => pattern.test(cleaned))?.[1];
}

/**
 * A resident's SMS reply: `1`/`2`/`3` (or the words) rates the case the phone was last asked about,
 * exactly like the web feedback; anything else gets a short explanation. Replies go out at once
 * (the resident just wrote) and once per inbound message.
 */
export async function handleRatingReply(deps: HandleRatingReplyDeps, message: InboundSms): Promise<'rated' | 'helped'> {
  const caseId = await deps.cases.caseAwaitingRatingFrom(message.from);
  const rating = parseRatingReply(message.text);
  const reply = (text: string) => notifyOnce(deps, { key: `reply#${message.messageId}`, to: message.from, text, urgent: true });
  if (!caseId) {
    await reply(smsText.nothingToRate(deps.consoleUrl));
    return 'helped';
  }
  if (!rating) {
    await reply(smsText.replyHelp(caseId));
    return 'helped';
  }
  const contact = await deps.cases.contact(caseId);
  try {
    await actOnCase(deps, caseId, { kind: 'resident' }, { type: 'feedback', rating }, { trackingCodeMatches: () => contact?.phone === message.from });
  } catch (err) {
    if (!(err instanceof AppError && err.expose)) throw err;
    log.info('sms rating not applied', { caseId, code: err.code });
    await reply(smsText.nothingToRate(deps.consoleUrl));
    return 'helped';
  }
  await reply(smsText.feedbackThanks(caseId, rating));
  return 'rated';
}
