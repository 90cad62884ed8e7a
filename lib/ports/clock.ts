export interface Clock {
  now(): Date;
}

/** Production time. The local stack runs the same code under a virtual clock it installs for the process. */
export const systemClock: Clock = { now: () => new Date() };
