import { wishSms } from '../../domain/wishes/wish-sms';
import type { WishIdInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { changeWish } from './wish-record';

export type RejectWishDeps = Pick<Ports, 'wishes' | 'outbox' | 'clock'>;

/** The grid worker turned the wish down: it closes as rejected and the beneficiary hears so, once. */
export async function rejectWish(deps: RejectWishDeps, input: WishIdInput): Promise<Record<string, never>> {
  const wish = await changeWish(deps, input.wishId, (w) => (w.status === 'rejected' ? undefined : { status: 'rejected' }), ['taskToken', 'waitingFor']);
  const phone = (await deps.wishes.beneficiary(wish.wishId))?.phone;
  if (phone) await notifyOnce(deps, { key: `${wish.wishId}#rejected`, to: phone, text: wishSms.rejected(wish.wishId), urgent: false });
  return {};
}
