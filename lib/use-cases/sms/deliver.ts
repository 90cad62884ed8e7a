import { quietUntil } from '../../domain/deadlines';
import { smsCapFor } from '../../domain/limits';
import { maskPhone } from '../../domain/phone';
import { AppError } from '../../errors';
import { log } from '../../log';
import type { Clock } from '../../ports/clock';
import type { HeldSms, OptOutList, OutgoingSms, SmsOutbox, SmsSender } from '../../ports/messaging';
import type { RateLimiter } from '../../ports/rate-limiter';

/** The one sender's needs: only it holds an SmsSender. */
export interface DeliveryDeps {
  outbox: SmsOutbox;
  sms: SmsSender;
  optOuts: OptOutList;
  limiter: RateLimiter;
  clock: Clock;
}

const RECORD_ATTEMPTS = 6;

/** The morning flush left messages it could not settle (another run holds them, or publishing failed): run it again. */
export class SmsFlushIncompleteError extends AppError {
  constructor(left: number) {
    super(`${left} held SMS not settled yet`, { statusCode: 503, code: 'SMS_FLUSH_INCOMPLETE' });
  }
}

/**
 * Delivers one message just queued (a record of the table's stream): once its claim is taken, it is
 * dropped when stale or (non-urgent) when the number opted out, held when quiet hours are on
 * (non-urgent), dropped when its daily cap is full, and otherwise published and recorded as sent.
 * A redelivered record finds the outcome recorded and does nothing (`done`).
 */
export async function deliverQueued(deps: DeliveryDeps, message: OutgoingSms): Promise<'sent' | 'held' | 'dropped' | 'done'> {
  const claim = await deps.outbox.claim(message.key, 'queued', deps.clock.now());
  if (claim === 'done' || claim === 'busy') {
    log.info('sms already delivered', { key: message.key });
    return 'done';
  }
  if (claim === 'resumed') noteResumed(message.key);
  return deliverClaimed(deps, message, 'queued');
}

/** Said every time, so that a duplicate SMS can always be traced to the interrupted delivery that caused it. */
function noteResumed(key: string): void {
  log.warn('sms delivery resumed after an interrupted attempt: it may go out twice', { key });
}

/**
 * The morning flush: sends what quiet hours held back, oldest first, except messages whose content
 * went stale overnight, to numbers that opted out during the night, or over their cap. Every message
 * it can settle is settled even when one fails; then it fails if any was left, so the scheduler runs
 * it again (a settled message is not sent twice).
 */
export async function flushHeld(deps: DeliveryDeps): Promise<{ sent: number; dropped: number }> {
  const due = await deps.outbox.dueHeld(deps.clock.now());
  const counts = { sent: 0, dropped: 0, left: 0 };
  for (const held of due) {
    try {
      const claim = await deps.outbox.claim(held.key, 'held', deps.clock.now());
      if (claim === 'done') await deps.outbox.forget(held);
      else if (claim === 'busy') counts.left += 1;
      else {
        if (claim === 'resumed') noteResumed(held.key);
        counts[(await deliverClaimed(deps, held, 'held', held)) === 'sent' ? 'sent' : 'dropped'] += 1;
      }
    } catch (err) {
      log.warn('held sms not delivered', { key: held.key, error: err });
      counts.left += 1;
    }
  }
  log.info('held sms flushed', counts);
  if (counts.left) throw new SmsFlushIncompleteError(counts.left);
  return { sent: counts.sent, dropped: counts.dropped };
}

async function deliverClaimed(deps: DeliveryDeps, message: OutgoingSms, from: 'queued' | 'held', held?: HeldSms): Promise<'sent' | 'held' | 'dropped'> {
  const now = deps.clock.now();
  const drop = async (reason: 'stale' | 'opt-out' | 'cap') => {
    await deps.outbox.finish(message.key, { dropped: reason }, now, held);
    (reason === 'cap' ? log.warn : log.info)('sms dropped', { key: message.key, reason });
    return 'dropped' as const;
  };
  if (message.staleAt && Date.parse(message.staleAt) <= now.getTime()) return drop('stale');
  if (!message.urgent && (await deps.optOuts.has(message.to))) return drop('opt-out');
  const quietEnd = message.urgent || from === 'held' ? undefined : quietUntil(now);
  if (quietEnd) {
    await deps.outbox.hold(message, quietEnd);
    log.info('sms held for quiet hours', { key: message.key, until: quietEnd.toISOString() });
    return 'held';
  }
  const cap = smsCapFor(message);
  if (cap && !(await deps.limiter.take(cap.key, cap.limit, cap.windowSeconds, now)).allowed) return drop('cap');
  let messageId: string;
  try {
    ({ messageId } = await deps.sms.send({ to: message.to, text: message.text }));
  } catch (err) {
    await deps.outbox.release(message.key, from);
    throw err;
  }
  // Failing here, published but not recorded, is the one way a message goes out twice: the redelivery
  // takes the claim over and publishes again. So the record is retried hard before giving up (a
  // DynamoDB blip must not cost a resident a second SMS); only a process that dies here repeats one.
  const recorded = await recordSent(() => deps.outbox.finish(message.key, { sent: messageId }, deps.clock.now(), held));
  log.info('sms sent', { key: message.key, recipient: maskPhone(message.to), messageId, ...(recorded ? {} : { claimLost: true }) });
  return 'sent';
}

/** Up to six tries over about three seconds of real time: the message is out, only its record is missing. */
async function recordSent(finish: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await finish();
    } catch (err) {
      if (attempt >= RECORD_ATTEMPTS) throw err;
      log.warn('sms sent but not yet recorded: retrying the record', { attempt, error: err });
      await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
    }
  }
}
