import { z } from 'zod';
import { readState, writeState } from './state-file';

/**
 * Where the virtual clock stood, kept in the data folder so a restart never turns time back: a clock
 * that was running (time scale > 0) also counts the time the stack was down, at real pace, so a
 * district on wall-clock time stays on it; a frozen one (tests, scale 0) resumes exactly where it was.
 */
const clockStateSchema = z.object({ virtualMs: z.number(), realMs: z.number(), ticking: z.boolean() });
export type ClockState = z.infer<typeof clockStateSchema>;

/** Wall-clock milliseconds, even after the process's `Date` has been swapped for the virtual clock. */
export const realNowMs = (): number => performance.timeOrigin + performance.now();

export class ClockStateFile {
  /** @param ticking whether the clock of this run moves by itself (time scale > 0). */
  constructor(
    private readonly file: string,
    private readonly ticking: boolean,
  ) {}

  read(): ClockState | undefined {
    return readState(this.file, clockStateSchema);
  }

  /** The virtual time to resume at, or `undefined` for a data folder that has never run. */
  resumeAt(): Date | undefined {
    const state = this.read();
    if (!state) return undefined;
    return new Date(state.virtualMs + (state.ticking ? Math.max(0, realNowMs() - state.realMs) : 0));
  }

  write(virtualMs: number): void {
    writeState(this.file, { virtualMs, realMs: realNowMs(), ticking: this.ticking } satisfies ClockState);
  }
}

/**
 * The start time of a stack over a kept data folder: where its clock stood, unless `--start-at` asks
 * for a later time. An earlier one is refused: the data already holds later deadlines and events.
 */
export function chooseStartTime(resumeAt: Date | undefined, startAt: Date | undefined): Date | undefined {
  if (!resumeAt) return startAt;
  if (!startAt) return resumeAt;
  if (startAt.getTime() <= resumeAt.getTime()) {
    throw new Error(
      `--start-at ${startAt.toISOString()} is not later than ${resumeAt.toISOString()}, where this data folder's clock stands; time never goes back (use --reset to start over)`,
    );
  }
  return startAt;
}
