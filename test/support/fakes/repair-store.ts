import { ValidationError } from '../../../lib/errors';
import type { Attention, RepairableKind, RepairCandidate, RepairStore, WorkflowRun } from '../../../lib/ports/repair-store';
import { copy } from './copy';

/** Statuses after which a lifecycle has nothing left to do: the reconciler never looks at those. */
const FINISHED = ['closed', 'expired', 'rejected', 'withdrawn', 'completed', 'cancelled'];

/**
 * Attention items and workflow runs per entity, and the reconciler's cursor. The entities the
 * reconciler pages through live in the other stores: `entities` lists them (fakePorts wires the case,
 * wish and visit fakes), in a fixed order, and `candidates` pages through the unfinished ones.
 */
export class FakeRepairStore implements RepairStore {
  readonly attentions = new Map<string, Attention & { open: boolean }>();
  readonly runs = new Map<string, WorkflowRun>();
  private cursor: string | undefined;

  constructor(private readonly entities: () => RepairCandidate[] = () => []) {}

  async attention(kind: RepairableKind, id: string): Promise<Attention | undefined> {
    const item = this.attentions.get(`${kind}#${id}`);
    if (!item) return undefined;
    const { open: _open, ...attention } = item;
    return copy(attention);
  }

  async holdForAttention(item: Attention): Promise<void> {
    this.attentions.set(`${item.kind}#${item.id}`, { ...copy(item), open: true });
  }

  async resolveAttention(kind: RepairableKind, id: string, taskToken: string, at: string): Promise<boolean> {
    const item = this.attentions.get(`${kind}#${id}`);
    if (!item || item.taskToken !== taskToken || item.resolvedAt !== undefined) return false;
    Object.assign(item, { resolvedAt: at, open: false });
    return true;
  }

  async openAttention(limit: number): Promise<Attention[]> {
    return [...this.attentions.values()]
      .filter((item) => item.open)
      .sort((a, b) => (`${a.since}#${a.kind}#${a.id}` < `${b.since}#${b.kind}#${b.id}` ? -1 : 1))
      .slice(0, limit)
      .map(({ open: _open, ...attention }) => copy(attention));
  }

  async run(kind: RepairableKind, id: string): Promise<WorkflowRun | undefined> {
    return copy(this.runs.get(`${kind}#${id}`));
  }

  async recordRestart(run: WorkflowRun, expectedRestarts: number): Promise<boolean> {
    const stored = this.runs.get(`${run.kind}#${run.id}`);
    if (expectedRestarts === 0 ? stored !== undefined : stored?.restarts !== expectedRestarts) return false;
    this.runs.set(`${run.kind}#${run.id}`, copy(run));
    return true;
  }

  async candidates(cursor: string | undefined, pageSize: number): Promise<{ items: RepairCandidate[]; cursor?: string }> {
    const all = this.entities().filter((e) => !FINISHED.includes(e.status));
    const start = cursor === undefined ? 0 : decodePosition(cursor);
    const items = copy(all.slice(start, start + pageSize));
    const next = start + pageSize;
    return next < all.length ? { items, cursor: `fake-scan.${next}` } : { items };
  }

  async reconcileCursor(): Promise<string | undefined> {
    return this.cursor;
  }

  async saveReconcileCursor(cursor: string | undefined): Promise<void> {
    this.cursor = cursor;
  }
}

/** A scan position this fake gave; anything else is refused as the adapter refuses a cursor it did not sign. */
function decodePosition(cursor: string): number {
  const match = /^fake-scan\.(\d+)$/.exec(cursor);
  if (!match) throw new ValidationError('分页游标无效', { cursor: '无效或不属于本查询的游标，请从第一页重新获取' });
  return Number(match[1]);
}
