import { wishSms } from '../../domain/wishes/wish-sms';
import type { WishIdInput } from '../../contracts/tasks/wish';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';
import { gridWorkerPhone } from '../staff-phones';
import { loadWish } from './wish-record';

export type RemindVetDeps = Pick<Ports, 'wishes' | 'reference' | 'outbox' | 'clock' | 'consoleUrl'>;

/** The vetting wait timed out: the grid worker is asked again, at most once a day. */
export async function remindVet(deps: RemindVetDeps, input: WishIdInput): Promise<Record<string, never>> {
  const wish = await loadWish(deps, input.wishId);
  const phone = await gridWorkerPhone(deps, wish.gridId);
  const day = Math.floor(deps.clock.now().getTime() / 86400_000);
  if (phone) await notifyOnce(deps, { key: `${wish.wishId}#vet#${day}`, to: phone, text: wishSms.vetRequested(wish.wishId, wish.title, deps.consoleUrl), urgent: false });
  return {};
}
