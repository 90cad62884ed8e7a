/**
 * At most `limit` pieces of work at once; the rest wait their turn in arrival order. The local stack
 * runs every function in one process, so it bounds what services start on their own (Step Functions
 * tasks, stream batches, schedules, SNS deliveries) the way an account's Lambda concurrency does:
 * a storm of reports then queues its workflows behind the intake instead of starving the HTTP API.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<{ go: () => void; refuse: (err: Error) => void }> = [];
  private closedWith: Error | undefined;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a concurrency limit is a whole number ≥ 1, not ${limit}`);
  }

  /** How many wait for a turn now. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closedWith) throw this.closedWith;
    if (this.running >= this.limit) await new Promise<void>((go, refuse) => this.waiting.push({ go, refuse }));
    else this.running += 1;
    try {
      return await work();
    } finally {
      // The turn passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next.go();
      else this.running -= 1;
    }
  }

  /** Refuses the work still waiting, and any that comes, with `reason`; work under way runs on to its end. */
  close(reason: Error): void {
    this.closedWith = reason;
    for (const { refuse } of this.waiting.splice(0)) refuse(reason);
  }
}
