import type { PublicListQuery } from '../../contracts/http/wishes';
import type { StaffActor } from '../../domain/actor';
import { requirePermission, wishViewerScope } from '../../domain/policy';
import { publicView } from '../../domain/wishes/wish';
import { NotFoundError, UnauthenticatedError } from '../../errors';
import type { Ports } from '../ports';

export type WishReadDeps = Pick<Ports, 'wishes'>;

/** `GET /v1/wishes?status=published`: anyone; paginated; no name, phone or address. */
export async function listPublishedWishes(deps: WishReadDeps, query: PublicListQuery) {
  const page = await deps.wishes.published({ limit: query.limit, ...(query.gridId ? { gridId: query.gridId } : {}), ...(query.category ? { category: query.category } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { items: page.items.map(publicView), ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}

/** `GET /v1/wishes/{wishId}`: staff of the beneficiary's grid (or the centre), and its claimants. */
export async function getWish(deps: WishReadDeps, actor: StaffActor | undefined, wishId: string) {
  if (!actor) throw new UnauthenticatedError();
  const wish = await deps.wishes.get(wishId);
  if (!wish) throw new NotFoundError('未找到该心愿');
  const claims = await deps.wishes.claims(wishId);
  const scope = wishViewerScope(actor, wish, claims);
  requirePermission(scope !== undefined, '无权查看该心愿');
  return {
    ...publicView(wish),
    title: wish.title,
    description: wish.description,
    claims: claims.map((c) => ({ volunteerId: c.volunteerId, status: c.status })),
    ...(scope === 'grid-staff' && wish.possibleDuplicateOf ? { possibleDuplicateOf: wish.possibleDuplicateOf } : {}),
  };
}
