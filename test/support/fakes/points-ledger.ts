/** One ledger entry as the stores read it back. */
export interface LedgerEntry {
  ref: string;
  reason: string;
  points: number;
  at: string;
}

/**
 * The volunteers' points ledger the visit and wish fakes share (the adapters write one ledger in one
 * table): each credit is once-only by its business key, and entries read back oldest first.
 */
export class FakePointsLedger {
  private readonly credited = new Set<string>();
  private readonly entries = new Map<string, Array<LedgerEntry & { sort: string }>>();

  /** Appends the entry unless `onceKey` was credited before; `false` then, and nothing written. */
  credit(onceKey: string, volunteerId: string, entry: LedgerEntry, kind: string): boolean {
    if (this.credited.has(onceKey)) return false;
    this.credited.add(onceKey);
    const list = this.entries.get(volunteerId) ?? [];
    list.push({ ...entry, sort: `${entry.at}#${kind}#${entry.ref}` });
    this.entries.set(volunteerId, list);
    return true;
  }

  of(volunteerId: string): LedgerEntry[] {
    return [...(this.entries.get(volunteerId) ?? [])].sort((a, b) => (a.sort < b.sort ? -1 : 1)).map(({ ref, reason, points, at }) => ({ ref, reason, points, at }));
  }
}
