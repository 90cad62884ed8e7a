import { quietUntil } from '../domain/deadlines';
import { maskPhone } from '../domain/phone';
import { log } from '../log';
import type { Clock } from '../ports/clock';
import type { DeferredSmsQueue, OnceStore, OptOutList, SmsSender } from '../ports/messaging';

export interface NotifyDeps {
  sms: SmsSender;
  once: OnceStore;
  deferredSms: DeferredSmsQueue;
  optOuts: OptOutList;
  clock: Clock;
}

export interface Notification {
  /** Business key of the message (`261122-K7F3Q#grid-check#1`): the same key is never sent twice. */
  key: string;
  to: string;
  text: string;
  /**
   * Urgent messages ignore quiet hours and the opt-out list (emergencies, welfare alarms, direct replies
   * to someone who just wrote); everything else is suppressed for a number that answered 退订.
   */
  urgent: boolean;
  /**
   * When the content stops being true (a deadline it names has passed): a message held by quiet hours
   * past this moment is dropped at the morning flush instead of telling someone to act on the past.
   */
  staleAt?: string;
}

/**
 * Sends an SMS at most once per business key; between 22:00 and 07:00 Asia/Shanghai a non-urgent one
 * waits in a queue for the morning flush, and one to a number on the opt-out list is not sent at all
 * (the key is recorded as handled, so a retried step does not send it after an opt-in). If sending fails the key is released so the step's retry can
 * send; if the process dies between send and record, the lease expires and one duplicate is possible:
 * SMS is at-least-once at that edge, never silently lost.
 */
export async function notifyOnce(deps: NotifyDeps, message: Notification): Promise<'sent' | 'deferred' | 'suppressed' | 'already-sent'> {
  const onceKey = `sms#${message.key}`;
  if (!(await deps.once.claim(onceKey, 120))) {
    log.info('sms already handled', { key: message.key });
    return 'already-sent';
  }
  try {
    if (!message.urgent && (await deps.optOuts.has(message.to))) {
      await deps.once.complete(onceKey, { suppressed: 'opt-out' });
      log.info('sms suppressed: recipient opted out', { key: message.key });
      return 'suppressed';
    }
    const quietEnd = message.urgent ? undefined : quietUntil(deps.clock.now());
    if (quietEnd) {
      await deps.deferredSms.defer({ key: message.key, to: message.to, text: message.text, sendAfter: quietEnd.toISOString(), ...(message.staleAt ? { staleAt: message.staleAt } : {}) });
      await deps.once.complete(onceKey, { deferredUntil: quietEnd.toISOString() });
      log.info('sms deferred for quiet hours', { key: message.key, until: quietEnd.toISOString() });
      return 'deferred';
    }
    const { messageId } = await deps.sms.send({ to: message.to, text: message.text });
    await deps.once.complete(onceKey, { messageId });
    log.info('sms sent', { key: message.key, recipient: maskPhone(message.to), messageId });
    return 'sent';
  } catch (err) {
    await deps.once.release(onceKey);
    throw err;
  }
}

/**
 * The morning flush: sends what quiet hours held back, oldest first, except to numbers that opted out
 * during the night and messages whose content went stale overnight (held messages are never urgent). Returns how many went out.
 */
export async function sendDeferredSms(deps: NotifyDeps): Promise<number> {
  const due = await deps.deferredSms.due(deps.clock.now());
  const now = deps.clock.now();
  let sent = 0;
  for (const message of due) {
    if (message.staleAt && Date.parse(message.staleAt) <= now.getTime()) {
      log.info('deferred sms dropped: stale', { key: message.key, staleAt: message.staleAt });
    } else if (await deps.optOuts.has(message.to)) {
      log.info('deferred sms dropped: recipient opted out', { key: message.key });
    } else {
      await deps.sms.send({ to: message.to, text: message.text });
      sent += 1;
    }
    await deps.deferredSms.remove(message);
  }
  log.info('deferred sms flushed', { count: sent, dropped: due.length - sent });
  return sent;
}
