import type { Clock } from '../../../lib/ports/clock';

/** A clock a test sets and moves by hand: time passes only when the test says so. */
export class FakeClock implements Clock {
  private at: number;

  constructor(start: string | Date = '2026-11-23T01:00:00.000Z') {
    this.at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: string | Date): void {
    this.at = new Date(at).getTime();
  }

  advance(seconds: number): void {
    this.at += seconds * 1000;
  }
}
