import { isReturnedToQueue } from '../../domain/wishes/queue-key';
import { suggestWishes } from '../../domain/wishes/suggest';
import type { Wish } from '../../domain/wishes/wish';
import { wishSms } from '../../domain/wishes/wish-sms';
import { notifyOnce } from '../notify';
import type { Ports } from '../ports';

export type WishMatchingDeps = Pick<Ports, 'wishes' | 'visits' | 'reference' | 'outbox' | 'clock'>;

async function allPublished(deps: Pick<Ports, 'wishes'>): Promise<Wish[]> {
  const out: Wish[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.wishes.published({ limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * Daily 08:00 (and `POST /v1/admin/workflows/wish-matching/executions`): suggests open wishes to
 * volunteers who opted in (see suggest.ts) and texts each suggestion once a day with the wish code;
 * replying the code claims it. Output: counts only.
 */
export async function runWishMatching(deps: WishMatchingDeps) {
  const now = deps.clock.now();
  const [wishes, volunteers, grids] = await Promise.all([allPublished(deps), deps.visits.volunteers(), deps.reference.grids()]);
  const centre = new Map(grids.map((g) => [g.gridId, g]));
  const open = wishes
    .filter((w) => w.claimCount < w.claimantsNeeded && centre.has(w.gridId))
    .map((w) => ({
      wishId: w.wishId,
      group: w.group,
      category: w.category,
      location: centre.get(w.gridId)!.centroid,
      placesLeft: w.claimantsNeeded - w.claimCount,
      daysWaiting: Math.floor((now.getTime() - Date.parse(w.publishedAt ?? w.submittedAt)) / 86400_000),
      returned: isReturnedToQueue(w.queueKey),
    }));
  const optedIn = volunteers
    .filter((v) => v.wishes?.optIn && v.wishes.perWeek > 0)
    .map((v) => ({ volunteerId: v.volunteerId, location: v.location, interests: v.wishes!.interests, capacity: Math.max(1, Math.ceil(v.wishes!.perWeek / 7)) }));
  const { suggestions, unmatched } = suggestWishes(open, optedIn);
  const byId = new Map(wishes.map((w) => [w.wishId, w]));
  const day = Math.floor(now.getTime() / 86400_000);
  for (const s of suggestions) {
    const wish = byId.get(s.wishId)!;
    const phone = (await deps.visits.volunteerContact(s.volunteerId))?.phone;
    if (phone) await notifyOnce(deps, { key: `suggest#${s.wishId}#${s.volunteerId}#${day}`, to: phone, text: wishSms.suggestion(s.wishId, wish.title, centre.get(wish.gridId)!.name), urgent: false });
  }
  return { openWishes: open.length, volunteers: optedIn.length, suggested: suggestions.length, unmatchedPlaces: unmatched };
}
