import { log } from '../log';
import type { OutgoingSms } from '../ports/messaging';
import type { Ports } from './ports';

/**
 * What a use case that texts people needs: the outbox and the clock. It never publishes: it queues,
 * and the one sender function (lib/use-cases/sms/deliver.ts) delivers.
 */
export type NotifyDeps = Pick<Ports, 'outbox' | 'clock'>;

export type Notification = OutgoingSms;

/**
 * Queues an SMS at most once per business key: the outbox write is conditional on the key, so a
 * retried step queues nothing twice. Quiet hours, the opt-out list and the daily caps are applied when
 * it is delivered, not here. This write stands alone, after the change that caused it; where a store
 * can put the message in the transaction of the change itself, it does (a case's creation).
 */
export async function notifyOnce(deps: NotifyDeps, message: Notification): Promise<'queued' | 'already-queued'> {
  if (await deps.outbox.enqueue(message, deps.clock.now())) {
    log.info('sms queued', { key: message.key, urgent: message.urgent });
    return 'queued';
  }
  log.info('sms already queued', { key: message.key });
  return 'already-queued';
}
