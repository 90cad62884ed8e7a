import type { TableKey } from './table';

/** One fixed-window counter per scope, number digest and window (`reports-hour`, window 493,417). */
export const rateLimitKey = (scope: string, subjectDigest: string, windowSeconds: number, window: number): TableKey => ({
  pk: `RATE#${scope}#${subjectDigest}`,
  sk: `WINDOW#${windowSeconds}#${window}`,
});
