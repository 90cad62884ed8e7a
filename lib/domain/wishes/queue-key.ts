import type { Wish } from './wish';

/**
 * A published wish's place in the public list and in matching (stored as `queueKey`, and the sort key
 * of the published-wishes index): a wish given back by a lapsed claim goes to the front (`0#`), others
 * are shown first published, first shown (`1#`).
 */
export const queueKey = (wish: Pick<Wish, 'publishedAt' | 'wishId'>, returned: boolean) => `${returned ? 0 : 1}#${wish.publishedAt ?? ''}#${wish.wishId}`;

/** Whether a wish's queue key puts it at the front as one given back by a lapsed claim. */
export const isReturnedToQueue = (key: string | undefined) => (key ?? '').startsWith('0#');
