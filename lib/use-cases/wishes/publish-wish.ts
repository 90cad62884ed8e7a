import { addHours, toShanghaiIso } from '../../domain/case';
import { queueKey } from '../../domain/wishes/queue-key';
import { wishSms } from '../../domain/wishes/wish-sms';
import type { WishIdInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { changeWish } from './wish-record';

export type PublishWishDeps = Pick<Ports, 'wishes' | 'outbox' | 'clock'>;

/**
 * Vetted: the wish goes on the public list (without personal details) with its deadline, in the queue by
 * the time it was published, and the beneficiary hears so, once.
 */
export async function publishWish(deps: PublishWishDeps, input: WishIdInput): Promise<Record<string, never>> {
  const now = deps.clock.now();
  const wish = await changeWish(deps, input.wishId, (w) => {
    if (w.status !== 'submitted') return undefined;
    const publishedAt = toShanghaiIso(now);
    return { status: 'published', publishedAt, deadline: toShanghaiIso(addHours(now, w.daysToFulfil * 24)), queueKey: queueKey({ publishedAt, wishId: w.wishId }, false) };
  }, ['taskToken', 'waitingFor']);
  const phone = (await deps.wishes.beneficiary(wish.wishId))?.phone;
  if (phone) await notifyOnce(deps, { key: `${wish.wishId}#published`, to: phone, text: wishSms.published(wish.wishId), urgent: false });
  return {};
}
