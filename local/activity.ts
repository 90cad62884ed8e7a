/**
 * The work under way in the local stack: executions doing a step, handler runs, scheduled and inbound
 * deliveries each count while they last. `idle()` is how the stack knows it has settled without
 * looking again and again: it wakes when the count falls to zero, and only then checks once more.
 */
export class Activity {
  private underWay = 0;
  /** Moves on whenever work begins, so a wait can tell "idle throughout" from "idle again". */
  private began = 0;
  private readonly wakers = new Set<() => void>();

  begin(): void {
    this.underWay += 1;
    this.began += 1;
  }

  end(): void {
    if (this.underWay === 0) throw new Error('activity ended more often than it began');
    this.underWay -= 1;
    if (this.underWay > 0) return;
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const wake of wakers) wake();
  }

  /** Counts `work` as under way until it settles; its outcome is passed on unchanged. */
  track<T>(work: () => Promise<T>): Promise<T> {
    this.begin();
    let running: Promise<T>;
    try {
      running = work();
    } catch (err) {
      running = Promise.reject(err);
    }
    return running.finally(() => this.end());
  }

  isIdle(): boolean {
    return this.underWay === 0;
  }

  /**
   * Resolves once nothing is under way and nothing began across one turn of the event loop: work
   * often hands over to the next piece through a callback or an I/O answer, which a count read at
   * one instant would miss. Rejects if that has not happened within `withinMs` (real time).
   */
  async idle(withinMs: number, what = 'the local stack'): Promise<void> {
    let giveUp!: (err: Error) => void;
    const tooLong = new Promise<never>((_resolve, reject) => (giveUp = reject));
    const timer = setTimeout(() => giveUp(new Error(`${what} did not settle within ${withinMs / 1000} s`)), withinMs);
    timer.unref();
    try {
      for (;;) {
        if (this.underWay > 0) await Promise.race([new Promise<void>((wake) => this.wakers.add(wake)), tooLong]);
        const began = this.began;
        await Promise.race([new Promise((turn) => setImmediate(turn)), tooLong]);
        if (this.underWay === 0 && this.began === began) return;
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
