import type { Visit } from '../domain/visits/visit';

/** One line of a volunteer's points ledger. */
export interface LedgerEntry {
  /** The visit or wish the points were earned by. */
  ref: string;
  reason: string;
  points: number;
  at: string;
}

/**
 * Volunteers' points: credited from the event that earns them (a completed visit, a confirmed wish),
 * each once however often the crediting step runs, and only ever appended to.
 */
export interface PointsLedger {
  /**
   * Credits the visit's volunteer for a completed visit, once per visit, and records the visit in the
   * elder's history (last visit, last visitor) in the same write, so that too happens once: `false`
   * when the visit was credited before.
   */
  creditVisit(input: { visit: Visit; points: number; at: string }): Promise<boolean>;
  /** Credits one claimant of a confirmed wish, once per wish and claimant: `false` when credited before. */
  creditWish(input: { wishId: string; volunteerId: string; points: number; at: string }): Promise<boolean>;
  /** The volunteer's ledger (visits and wishes), oldest first. */
  entries(volunteerId: string): Promise<LedgerEntry[]>;
}
