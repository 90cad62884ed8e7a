import { z } from 'zod';
import type { StaffActor } from '../../domain/actor';
import { publicView } from '../../domain/wishes/wish';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors';
import type { WishDeps } from './deps';

export const publicListQuery = z
  .object({
    status: z.literal('published').default('published'),
    category: z.string().min(1).max(40).optional(),
    gridId: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

/** `GET /v1/wishes?status=published`: anyone; paginated; no name, phone or address. */
export async function listPublishedWishes(deps: WishDeps, query: z.infer<typeof publicListQuery>) {
  const page = await deps.wishes.published({ limit: query.limit, ...(query.gridId ? { gridId: query.gridId } : {}), ...(query.category ? { category: query.category } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) });
  return { items: page.items.map(publicView), ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}

/** `GET /v1/wishes/{wishId}`: staff of the beneficiary's grid (or the centre), and its claimants. */
export async function getWish(deps: WishDeps, actor: StaffActor | undefined, wishId: string) {
  if (!actor) throw new UnauthenticatedError();
  const wish = await deps.wishes.get(wishId);
  if (!wish) throw new NotFoundError('未找到该心愿');
  const claims = await deps.wishes.claims(wishId);
  const staffInScope = actor.role === 'admin' || (actor.role === 'grid-worker' && actor.grids.includes(wish.gridId));
  const claimant = actor.role === 'volunteer' && claims.some((c) => c.volunteerId === actor.volunteerId);
  if (!staffInScope && !claimant) throw new ForbiddenError('无权查看该心愿');
  return {
    ...publicView(wish),
    title: wish.title,
    description: wish.description,
    claims: claims.map((c) => ({ volunteerId: c.volunteerId, status: c.status })),
    ...(staffInScope && wish.possibleDuplicateOf ? { possibleDuplicateOf: wish.possibleDuplicateOf } : {}),
  };
}
