import { queueOfStep as workQueue } from '../../../lib/domain/work-queues';
import type { CaseContact, CaseRecord, CaseStep, TimelineEntry } from '../../../lib/domain/case';
import {
  METRIC_COUNTERS,
  type CaseStore,
  type IdempotencyRecord,
  type MetricDimension,
  type MetricIncrement,
  type MetricRow,
  type NewCase,
  type OpenStep,
  type PendingDecision,
  type StepDecision,
  type Transition,
} from '../../../lib/ports/case-store';
import { copy } from './copy';
import { phoneKey } from './phone-key';
import type { FakeSmsOutbox } from './sms-outbox';

interface StoredCase {
  record: CaseRecord;
  contact: CaseContact;
  /** By the case version each event produced. */
  events: Map<number, TimelineEntry>;
  steps: Map<CaseStep, OpenStep>;
  /** By `<step>#<forSeq>`. */
  pending: Map<string, PendingDecision>;
  followers: Map<string, { caseId: string; phone: string }>;
  /** Whether the case is in duplicate detection (it has a grid and has not left). */
  openIndexed: boolean;
}

const pendingId = (step: CaseStep, forSeq: number) => `${step}#${String(forSeq).padStart(4, '0')}`;

/**
 * Cases with their timeline, steps, pending decisions and followers; idempotency bindings, rating
 * replies and metric counters. Every write the port calls conditional is checked here first and then
 * applied whole, or not at all, as one DynamoDB transaction is. Outbox messages a creation queues go
 * to the outbox fake given (all or none with the case), as the adapter writes them in its transaction.
 */
export class FakeCaseStore implements CaseStore {
  readonly cases = new Map<string, StoredCase>();
  readonly bindings = new Map<string, { caseId: string; fingerprint: string; expiresAt: number }>();
  readonly ratingReplies = new Map<string, string>();
  /** `<dimension>#<day>#<key>` → counters. */
  readonly counters = new Map<string, Record<string, number>>();

  constructor(private readonly outbox?: FakeSmsOutbox) {}

  async create(input: NewCase): Promise<{ created: true } | { created: false; existing?: IdempotencyRecord }> {
    const { record, idempotency } = input;
    const binding = idempotency ? this.bindings.get(idempotency.key) : undefined;
    if (idempotency && binding && binding.expiresAt > idempotency.boundAt) {
      const existing = await this.findByIdempotencyKey(idempotency.key, idempotency.boundAt);
      return existing ? { created: false, existing } : { created: false };
    }
    if (this.cases.has(record.caseId)) return { created: false };
    const outbox = input.outbox ?? [];
    if (outbox.length && !this.outbox) throw new Error('FakeCaseStore: a creation queues SMS, but no outbox fake was given');
    if (outbox.length && !this.outbox!.enqueueAll(outbox, new Date(record.createdAt))) return { created: false };
    this.cases.set(record.caseId, {
      record: copy(record),
      contact: copy(input.contact),
      events: new Map([[record.version, copy(input.firstEvent)]]),
      steps: new Map(),
      pending: new Map(),
      followers: new Map(),
      openIndexed: record.gridId !== undefined,
    });
    if (idempotency) this.bindings.set(idempotency.key, { caseId: record.caseId, fingerprint: idempotency.fingerprint, expiresAt: idempotency.expiresAt });
    this.addMetrics(input.metrics);
    return { created: true };
  }

  async findByIdempotencyKey(key: string, nowSeconds: number): Promise<IdempotencyRecord | undefined> {
    const binding = this.bindings.get(key);
    if (!binding || binding.expiresAt <= nowSeconds) return undefined;
    return { caseId: binding.caseId, fingerprint: binding.fingerprint };
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    return copy(this.cases.get(caseId)?.record);
  }

  async contact(caseId: string): Promise<CaseContact | undefined> {
    return copy(this.cases.get(caseId)?.contact);
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const events = this.cases.get(caseId)?.events ?? new Map<number, TimelineEntry>();
    return copy([...events.entries()].sort(([a], [b]) => a - b).map(([, event]) => event));
  }

  async step(caseId: string, step: CaseStep): Promise<OpenStep | undefined> {
    return copy(this.cases.get(caseId)?.steps.get(step));
  }

  async recordStepOpened(input: Parameters<CaseStore['recordStepOpened']>[0]): Promise<boolean> {
    const { step, status, expectedVersion, event } = input;
    const stored = this.cases.get(step.caseId);
    if (!this.transitionHolds(stored, expectedVersion)) return false;
    stored!.steps.set(step.step, copy(step));
    if (input.takesPending) stored!.pending.delete(pendingId(step.step, step.openedSeq));
    this.applyTransition({ caseId: step.caseId, expectedVersion, set: { status }, ...(input.remove ? { remove: input.remove } : {}), event });
    return true;
  }

  async pendingDecisions(caseId: string, step: CaseStep): Promise<PendingDecision[]> {
    const pending = this.cases.get(caseId)?.pending ?? new Map<string, PendingDecision>();
    return copy([...pending.values()].filter((p) => p.step === step).sort((a, b) => a.forSeq - b.forSeq));
  }

  async recordPendingDecision(input: { pending: PendingDecision; transition: Transition }): Promise<boolean> {
    const { pending, transition } = input;
    const id = pendingId(pending.step, pending.forSeq);
    const stored = this.cases.get(transition.caseId);
    const owner = this.cases.get(pending.caseId);
    if (owner?.pending.has(id) || !this.transitionHolds(stored, transition.expectedVersion)) return false;
    if (!owner) throw new Error(`FakeCaseStore: a pending decision for case ${pending.caseId}, which is not stored`);
    owner.pending.set(id, copy(pending));
    this.applyTransition(transition);
    return true;
  }

  async decideStep(input: { step: OpenStep; decision: StepDecision; transition: Transition }): Promise<boolean> {
    const { step, decision, transition } = input;
    const stored = this.cases.get(step.caseId)?.steps.get(step.step);
    if (!stored || stored.taskToken !== step.taskToken || stored.decision || stored.closedAt) return false;
    if (!this.transitionHolds(this.cases.get(transition.caseId), transition.expectedVersion)) return false;
    stored.decision = copy(decision);
    this.applyTransition(transition);
    return true;
  }

  async transition(input: Transition): Promise<boolean> {
    if (!this.transitionHolds(this.cases.get(input.caseId), input.expectedVersion)) return false;
    this.applyTransition(input);
    return true;
  }

  async closeSteps(caseId: string, at: string): Promise<void> {
    for (const step of this.cases.get(caseId)?.steps.values() ?? []) if (!step.closedAt && !step.decision) step.closedAt = at;
  }

  async addFollower(caseId: string, follower: { caseId: string; phone: string }): Promise<void> {
    const stored = this.cases.get(caseId);
    if (!stored) throw new Error(`FakeCaseStore: a follower of case ${caseId}, which is not stored`);
    stored.followers.set(follower.caseId, copy(follower));
  }

  async followers(caseId: string): Promise<Array<{ caseId: string; phone: string }>> {
    const followers = this.cases.get(caseId)?.followers ?? new Map<string, { caseId: string; phone: string }>();
    return copy([...followers.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => f));
  }

  async openSimilar(gridId: string, category: string, sinceIso: string): Promise<CaseRecord[]> {
    return copy(
      [...this.cases.values()]
        .filter((c) => c.openIndexed && c.record.gridId === gridId && c.record.category === category && c.record.createdAt >= sinceIso)
        .map((c) => c.record)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
        .slice(0, 50),
    );
  }

  async markOriginal(caseId: string, at: string): Promise<void> {
    const stored = this.cases.get(caseId);
    // The adapter's update is conditional on the case existing, and throws otherwise.
    if (!stored) throw Object.assign(new Error(`no case ${caseId}`), { name: 'ConditionalCheckFailedException' });
    stored.record.originalSince ??= at;
  }

  async worklist(queues: string[]): Promise<OpenStep[]> {
    const waiting = [...this.cases.values()].flatMap((c) => [...c.steps.values()]).filter((s) => !s.decision && !s.closedAt);
    return copy(
      queues
        .flatMap((queue) => waiting.filter((s) => workQueue(s) === queue).sort((a, b) => (`${a.dueAt}#${a.caseId}` < `${b.dueAt}#${b.caseId}` ? -1 : 1)))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    );
  }

  async awaitRatingFrom(phone: string, caseId: string): Promise<void> {
    this.ratingReplies.set(phoneKey(phone), caseId);
  }

  async caseAwaitingRatingFrom(phone: string): Promise<string | undefined> {
    return this.ratingReplies.get(phoneKey(phone));
  }

  async metrics(by: MetricDimension, fromDay: string, toDay: string): Promise<MetricRow[]> {
    const totals = new Map<string, MetricRow>();
    for (const [id, counters] of this.counters) {
      const [dimension, day, ...rest] = id.split('#');
      const key = rest.join('#');
      if (dimension !== by || day! < fromDay || day! > toDay) continue;
      const row = totals.get(key) ?? ({ key, ...Object.fromEntries(METRIC_COUNTERS.map((c) => [c, 0])) } as MetricRow);
      for (const c of METRIC_COUNTERS) row[c] += counters[c] ?? 0;
      totals.set(key, row);
    }
    return [...totals.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  private transitionHolds(stored: StoredCase | undefined, expectedVersion: number): boolean {
    return stored !== undefined && stored.record.version === expectedVersion;
  }

  private applyTransition(t: Transition): void {
    const stored = this.cases.get(t.caseId)!;
    const { caseId: _caseId, version: _version, ...set } = copy(t.set);
    const record = Object.assign(stored.record, set);
    for (const field of t.remove ?? []) delete record[field];
    record.version = t.expectedVersion + 1;
    stored.events.set(record.version, copy(t.event));
    if (t.leaveOpenIndex) stored.openIndexed = false;
    this.addMetrics(t.metrics);
  }

  private addMetrics(increments: MetricIncrement[] = []): void {
    for (const inc of increments) {
      const counters = Object.entries(inc.counters).filter(([, n]) => n);
      if (!counters.length) continue;
      for (const [dimension, key] of Object.entries(inc.dims)) {
        if (!key) continue;
        const row = this.counters.get(`${dimension}#${inc.day}#${key}`) ?? {};
        for (const [name, n] of counters) row[name] = (row[name] ?? 0) + n!;
        this.counters.set(`${dimension}#${inc.day}#${key}`, row);
      }
    }
  }
}
