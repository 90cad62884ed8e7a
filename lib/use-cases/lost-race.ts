import { ContendedError } from '../errors';

/**
 * How many times a read-modify-write is tried when another writer keeps winning the conditional write.
 * Each try re-reads, so a loser sees the winner's change and usually finds there is nothing left to do;
 * five losses in a row means something keeps writing the item, which a person or the workflow's own
 * Retry (with back-off) should look at, not a tighter loop here.
 */
export const LOST_RACE_LIMIT = 5;

/** What one try of a read-modify-write came to: done with a value, or lost to another writer. */
export type Attempt<T> = { done: T } | 'lost';

/**
 * Runs `attempt` until it does not lose a race, at most LOST_RACE_LIMIT times, then throws `exhausted()`
 * — by default `ContendedError` (named, so a workflow's Retry can back off on it); an HTTP use case whose
 * contract names another answer (a 409 with its own code) passes that. The one retry loop of the system.
 */
export async function retryOnLostRace<T>(
  what: string,
  attempt: (tryNumber: number) => Promise<Attempt<T>>,
  exhausted: () => Error = () => new ContendedError(what),
): Promise<T> {
  for (let tryNumber = 0; tryNumber < LOST_RACE_LIMIT; tryNumber += 1) {
    const outcome = await attempt(tryNumber);
    if (outcome !== 'lost') return outcome.done;
  }
  throw exhausted();
}
