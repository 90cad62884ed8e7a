import type { Visit } from '../../../lib/domain/visits/visit';
import type { LedgerEntry, PointsLedger } from '../../../lib/ports/points-ledger';

/** What a visit's credit records in the elder's history (the visit store fake's elder profiles). */
type ElderHistory = { lastVisitAt?: string; lastVolunteerId?: string };

/**
 * The volunteers' points ledger (the adapters write one ledger in one table): each credit is once-only
 * by its business key, a visit's credit records the elder's last visit in the same step, and entries
 * read back oldest first.
 */
export class FakePointsLedger implements PointsLedger {
  private readonly credited = new Set<string>();
  private readonly lines = new Map<string, Array<LedgerEntry & { sort: string }>>();

  /** `elders`: the visit store fake's elder profiles, whose history a visit's credit updates. */
  constructor(private readonly elders: Map<string, ElderHistory> = new Map()) {}

  /** Appends the entry unless `onceKey` was credited before; `false` then, and nothing written. */
  private credit(onceKey: string, volunteerId: string, entry: LedgerEntry, kind: string): boolean {
    if (this.credited.has(onceKey)) return false;
    this.credited.add(onceKey);
    const list = this.lines.get(volunteerId) ?? [];
    list.push({ ...entry, sort: `${entry.at}#${kind}#${entry.ref}` });
    this.lines.set(volunteerId, list);
    return true;
  }

  async creditVisit({ visit, points, at }: { visit: Visit; points: number; at: string }): Promise<boolean> {
    if (!this.credit(`visit#${visit.visitId}`, visit.volunteerId, { ref: visit.visitId, points, reason: 'companion-visit', at }, 'visit')) return false;
    const elder = this.elders.get(visit.elderId);
    if (elder) Object.assign(elder, { lastVisitAt: at, lastVolunteerId: visit.checkedInBy ?? visit.volunteerId });
    return true;
  }

  async creditWish({ wishId, volunteerId, points, at }: { wishId: string; volunteerId: string; points: number; at: string }): Promise<boolean> {
    return this.credit(`wish#${wishId}#${volunteerId}`, volunteerId, { ref: wishId, points, reason: 'micro-wish', at }, 'wish');
  }

  async entries(volunteerId: string): Promise<LedgerEntry[]> {
    return [...(this.lines.get(volunteerId) ?? [])].sort((a, b) => (a.sort < b.sort ? -1 : 1)).map(({ ref, reason, points, at }) => ({ ref, reason, points, at }));
  }
}
