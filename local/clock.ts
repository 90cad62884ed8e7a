/**
 * The local stack's one clock. Handlers read time through `Date` as they do on AWS, so the stack swaps
 * the process's `Date` for one that reads this clock. Waits, task timeouts and schedules register
 * timers here; `advance()` jumps forward firing each timer in time order and letting the work it
 * starts settle before the next, so a test can move a case through days in milliseconds.
 */
export interface Timer {
  id: number;
  dueMs: number;
  fire: () => void;
  label: string;
}

const RealDate = Date;

export class VirtualClock {
  private offsetMs: number;
  private readonly realStart = RealDate.now();
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private ticker: NodeJS.Timeout | undefined;
  /** How many timers have fired since the clock started (the console's clock tool reports the difference an advance made). */
  firedCount = 0;

  /**
   * @param timeScale virtual seconds per real second; 0 freezes time between `advance()` calls (tests).
   * @param settle resolves when everything the fired timers started has finished or is waiting again.
   */
  constructor(
    private readonly timeScale: number,
    private readonly settle: () => Promise<void>,
    startAt: Date = new RealDate(),
    /** Told the virtual time whenever it moves by more than its running pace (and every tick): the stack persists it. */
    private readonly onMove: (nowMs: number) => void = () => undefined,
  ) {
    this.offsetMs = startAt.getTime() - this.realStart;
    if (timeScale > 0) {
      this.ticker = setInterval(() => {
        this.onMove(this.nowMs());
        void this.fireDue();
      }, 250);
      this.ticker.unref();
    }
  }

  nowMs(): number {
    return this.realStart + this.offsetMs + (RealDate.now() - this.realStart) * this.timeScale;
  }

  now(): Date {
    return new RealDate(this.nowMs());
  }

  schedule(dueMs: number, label: string, fire: () => void): number {
    const id = this.nextId++;
    this.timers.set(id, { id, dueMs, fire, label });
    if (this.timeScale > 0 && dueMs <= this.nowMs()) queueMicrotask(() => void this.fireDue());
    return id;
  }

  cancel(id: number): void {
    this.timers.delete(id);
  }

  pending(): Timer[] {
    return [...this.timers.values()].sort((a, b) => a.dueMs - b.dueMs || a.id - b.id);
  }

  /** Moves time on by `seconds`, firing in order every timer that falls due; returns the new time. */
  async advance(seconds: number): Promise<Date> {
    const target = this.nowMs() + seconds * 1000;
    await this.settle();
    for (;;) {
      const next = this.pending()[0];
      if (!next || next.dueMs > target) break;
      if (next.dueMs > this.nowMs()) this.jump(next.dueMs - this.nowMs());
      this.timers.delete(next.id);
      this.firedCount += 1;
      next.fire();
      await this.settle();
    }
    if (target > this.nowMs()) this.jump(target - this.nowMs());
    return this.now();
  }

  private jump(ms: number): void {
    this.offsetMs += ms;
    this.onMove(this.nowMs());
  }

  private async fireDue(): Promise<void> {
    for (const timer of this.pending()) {
      if (timer.dueMs > this.nowMs()) break;
      this.timers.delete(timer.id);
      this.firedCount += 1;
      timer.fire();
    }
  }

  /** Makes `Date` in this process read the virtual clock; returns the function that restores it. */
  install(): () => void {
    const clock = this;
    class VirtualDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock.nowMs());
        else super(...(args as [number]));
      }
      static override now(): number {
        return clock.nowMs();
      }
    }
    globalThis.Date = VirtualDate as DateConstructor;
    return () => {
      globalThis.Date = RealDate;
      if (this.ticker) clearInterval(this.ticker);
    };
  }
}
