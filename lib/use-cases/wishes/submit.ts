import { createHash } from 'node:crypto';
import type { SubmitWishCommand } from '../../contracts/http/wishes';
import { requireStaff, type StaffActor } from '../../domain/actor';
import { toShanghaiIso } from '../../domain/case';
import { randomCode } from '../../domain/ids';
import { mayManageGrid, requirePermission } from '../../domain/policy';
import type { Wish } from '../../domain/wishes/wish';
import { ValidationError } from '../../errors';
import type { Ports } from '../ports';

export type SubmitWishDeps = Pick<Ports, 'reference' | 'wishes' | 'workflows' | 'clock'>;

/** Who a beneficiary is, as a hash: enough to notice a second open wish, nothing readable. */
export const beneficiaryKey = (b: { name: string; phone?: string | undefined; gridId: string }) =>
  createHash('sha256').update(`minqing-beneficiary:${b.gridId}|${b.name}|${b.phone ?? ''}`).digest('hex').slice(0, 32);

/**
 * `POST /v1/wishes`: a grid worker (for their grids) or the centre records a wish; vetting starts. The
 * grid is named in the body, so it is checked after the body is read, the role before (routes.ts).
 */
export async function submitWish(deps: SubmitWishDeps, actor: StaffActor | undefined, command: SubmitWishCommand) {
  const staff = requireStaff(actor);
  const { gridId } = command.beneficiary;
  requirePermission(mayManageGrid(staff, gridId), '只能登记本网格的心愿');
  if (!(await deps.reference.grids()).some((g) => g.gridId === gridId)) throw new ValidationError('未知的网格', { 'beneficiary.gridId': `未知网格 ${gridId}` }, 'UNKNOWN_GRID');
  const key = beneficiaryKey(command.beneficiary);
  const [duplicate] = await deps.wishes.openWishesOf(key);
  const wish: Wish = {
    wishId: `W${randomCode(5)}`,
    status: 'submitted',
    group: command.group,
    category: command.category,
    title: command.title,
    description: command.description,
    gridId,
    ...(command.estimatedCost !== undefined ? { estimatedCost: command.estimatedCost } : {}),
    claimantsNeeded: command.claimantsNeeded,
    claimCount: 0,
    fulfilledCount: 0,
    daysToFulfil: command.daysToFulfil,
    submittedAt: toShanghaiIso(deps.clock.now()),
    ...(duplicate ? { possibleDuplicateOf: duplicate } : {}),
    version: 1,
  };
  await deps.wishes.create(wish, { name: command.beneficiary.name, ...(command.beneficiary.phone ? { phone: command.beneficiary.phone } : {}) }, key);
  await deps.workflows.start('wish', wish.wishId, { wishId: wish.wishId });
  return { wishId: wish.wishId, ...(duplicate ? { possibleDuplicateOf: duplicate } : {}) };
}
