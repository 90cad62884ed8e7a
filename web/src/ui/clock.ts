import { config } from '../config';

/**
 * "Now" as the system sees it: on the local stack its virtual clock (which tests and demos move on),
 * elsewhere this device's clock. Due times and time left are read against it.
 */
let offsetMs = 0;
let synced: Promise<void> | undefined;

export function syncClock(): Promise<void> {
  if (!config().localTools) return Promise.resolve();
  synced ??= fetch('/local/health')
    .then((r) => (r.ok ? (r.json() as Promise<{ now: string }>) : undefined))
    .then((h) => {
      if (h) offsetMs = Date.parse(h.now) - Date.now();
    })
    .catch(() => undefined)
    .finally(() => {
      synced = undefined;
    });
  return synced;
}

export const serverNow = () => Date.now() + offsetMs;
