import { maskPhone } from '../domain/phone';
import { log } from '../log';
import type { OnceStore, SmsSender } from '../ports/messaging';

export interface NotifyDeps {
  sms: SmsSender;
  once: OnceStore;
}

/**
 * Sends an SMS at most once per business key (`261122-K7F3Q#grid-check`). If sending fails the key is
 * released so the step's retry can send it; if the process dies between send and record, the lease
 * expires and one duplicate is possible: SMS is at-least-once at that edge, never silently lost.
 */
export async function notifyOnce(
  deps: NotifyDeps,
  message: { key: string; to: string; text: string },
): Promise<'sent' | 'already-sent'> {
  if (!(await deps.once.claim(`sms#${message.key}`, 120))) {
    log.info('sms already sent', { key: message.key });
    return 'already-sent';
  }
  try {
    const { messageId } = await deps.sms.send({ to: message.to, text: message.text });
    await deps.once.complete(`sms#${message.key}`, { messageId });
    log.info('sms sent', { key: message.key, recipient: maskPhone(message.to), messageId });
    return 'sent';
  } catch (err) {
    await deps.once.release(`sms#${message.key}`);
    throw err;
  }
}
