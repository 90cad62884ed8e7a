import type { CaseRecord, CaseStep, TimelineEntry } from '../../lib/domain/case';
import type { CaseStore, NewCase, OpenStep, StepDecision, Transition } from '../../lib/ports/case-store';
import type { SmsOutbox } from '../../lib/ports/messaging';
import { sampleCase } from './samples';

export interface CaseStoreSubject {
  store: CaseStore;
  /** The outbox a creation's SMS are queued in (with the case, in one transaction). */
  outbox: SmsOutbox;
}

const AT = '2026-11-23T01:00:00.000Z';
const event = (note: string, status: TimelineEntry['status'] = 'submitted'): TimelineEntry => ({ at: AT, status, actor: 'system', note });

/** A submitted case of grid G01, as stored. */
export const record = sampleCase;

export function newCase(caseId: string, over: Partial<Omit<NewCase, 'record'>> & { record?: Partial<CaseRecord> } = {}): NewCase {
  const { record: recordOver, ...rest } = over;
  return { record: record(caseId, recordOver), contact: { caseId, phone: '+8613912345678', name: '张三' }, firstEvent: event('已受理'), metrics: [], ...rest };
}

const transition = (caseId: string, expectedVersion: number, set: Partial<CaseRecord>, over: Partial<Transition> = {}): Transition => ({
  caseId,
  expectedVersion,
  set,
  event: event(`v${expectedVersion + 1}`, set.status ?? 'submitted'),
  ...over,
});

function openStep(caseId: string, step: CaseStep, over: Partial<OpenStep> = {}): OpenStep {
  return { caseId, step, category: 'road-damage', taskToken: `token-${caseId}-${step}`, assignee: { gridId: 'G01' }, dueAt: '2026-11-24T01:00:00.000Z', openedAt: AT, openedSeq: 1, ...over };
}

const decision = (actorId: string): StepDecision => ({ type: 'grid-check', fingerprint: `fp-${actorId}`, actorId, output: { outcome: 'needs-dispatch' }, at: AT });

/** Creates the case and opens a step on it (version 1 → 2). */
async function withOpenStep(store: CaseStore, caseId: string, step: OpenStep = openStep(caseId, 'grid-check')): Promise<OpenStep> {
  await store.create(newCase(caseId));
  expect(await store.recordStepOpened({ step, status: 'grid-check', expectedVersion: 1, event: event('待核实', 'grid-check') })).toBe(true);
  return step;
}

/** What every CaseStore does (lib/ports/case-store.ts). */
export function describeCaseStoreContract(name: string, make: () => Promise<CaseStoreSubject>): void {
  describe(`CaseStore contract: ${name}`, () => {
    it('creates a case with its contact and first event, once per case id', async () => {
      const { store } = await make();
      expect(await store.create(newCase('C-1'))).toEqual({ created: true });
      expect(await store.get('C-1')).toEqual(record('C-1'));
      expect(await store.contact('C-1')).toEqual({ caseId: 'C-1', phone: '+8613912345678', name: '张三' });
      expect(await store.timeline('C-1')).toEqual([event('已受理')]);
      expect(await store.create(newCase('C-1', { record: { description: '另一个' } }))).toEqual({ created: false });
      expect((await store.get('C-1'))!.description).toBe('路面塌陷');
      expect(await store.get('C-none')).toBeUndefined();
    });

    it('binds an idempotency key to its first case until it expires, then lets it go', async () => {
      const { store } = await make();
      const binding = (boundAt: number) => ({ key: 'idem-1', fingerprint: 'fp-a', boundAt, expiresAt: 1_000 + 86_400 });
      expect(await store.create(newCase('C-2', { idempotency: binding(1_000) }))).toEqual({ created: true });
      expect(await store.create(newCase('C-3', { idempotency: { ...binding(2_000), fingerprint: 'fp-b' } }))).toEqual({ created: false, existing: { caseId: 'C-2', fingerprint: 'fp-a' } });
      expect(await store.get('C-3')).toBeUndefined();
      expect(await store.findByIdempotencyKey('idem-1', 1_000 + 86_399)).toEqual({ caseId: 'C-2', fingerprint: 'fp-a' });
      expect(await store.findByIdempotencyKey('idem-1', 1_000 + 86_400)).toBeUndefined();
      expect(await store.findByIdempotencyKey('idem-other', 1_000)).toBeUndefined();
      const later = { key: 'idem-1', fingerprint: 'fp-c', boundAt: 1_000 + 86_400, expiresAt: 1_000 + 2 * 86_400 };
      expect(await store.create(newCase('C-4', { idempotency: later }))).toEqual({ created: true });
      expect(await store.findByIdempotencyKey('idem-1', later.boundAt)).toEqual({ caseId: 'C-4', fingerprint: 'fp-c' });
    });

    it('queues the SMS of a creation with the case, or neither', async () => {
      const { store, outbox } = await make();
      const sms = (key: string) => ({ key, to: '+8613912345678', text: '已受理', urgent: false });
      expect(await store.create(newCase('C-5', { outbox: [sms('C-5#received')] }))).toEqual({ created: true });
      expect(await outbox.claim('C-5#received', 'queued', new Date(AT))).toBe('claimed');
      await outbox.enqueue(sms('taken#received'), new Date(AT));
      expect(await store.create(newCase('C-6', { outbox: [sms('taken#received')] }))).toEqual({ created: false });
      expect(await store.get('C-6')).toBeUndefined();
    });

    it('moves a case only from the version it was read at, with one event per change', async () => {
      const { store } = await make();
      await store.create(newCase('C-7'));
      expect(await store.transition(transition('C-7', 1, { status: 'dispatched', departmentId: 'urban' }))).toBe(true);
      expect(await store.transition(transition('C-7', 1, { status: 'closed' }))).toBe(false);
      expect(await store.transition(transition('C-7', 2, { status: 'in-progress', version: 99, caseId: 'X' }, { remove: ['departmentId'] }))).toBe(true);
      const stored = await store.get('C-7');
      expect(stored).toMatchObject({ caseId: 'C-7', status: 'in-progress', version: 3 });
      expect(stored!.departmentId).toBeUndefined();
      expect((await store.timeline('C-7')).map((e) => e.note)).toEqual(['已受理', 'v2', 'v3']);
      expect(await store.transition(transition('C-none', 1, { status: 'closed' }))).toBe(false);
    });

    it('lets exactly one of concurrent changes at one version win', async () => {
      const { store } = await make();
      await store.create(newCase('C-8'));
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => store.transition(transition('C-8', 1, { description: `d${i}` }))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.get('C-8'))!.version).toBe(2);
      expect(await store.timeline('C-8')).toHaveLength(2);
    });

    it('opens a step onto its worklist and takes one decision on it, by its token', async () => {
      const { store } = await make();
      const step = await withOpenStep(store, 'C-9');
      expect(await store.step('C-9', 'grid-check')).toEqual(step);
      expect(await store.get('C-9')).toMatchObject({ status: 'grid-check', version: 2 });
      expect((await store.worklist(['GRID#G01'])).map((s) => s.caseId)).toEqual(['C-9']);
      expect(await store.worklist(['GRID#G02', 'CENTRE'])).toEqual([]);
      const decide = (token: string, actor: string, version: number) =>
        store.decideStep({ step: { ...step, taskToken: token }, decision: decision(actor), transition: transition('C-9', version, { status: 'dispatched' }) });
      expect(await decide('stale-token', 'gw-1', 2)).toBe(false);
      expect(await decide(step.taskToken, 'gw-1', 2)).toBe(true);
      expect(await decide(step.taskToken, 'gw-2', 3)).toBe(false);
      expect((await store.step('C-9', 'grid-check'))!.decision).toEqual(decision('gw-1'));
      expect(await store.worklist(['GRID#G01'])).toEqual([]);
      expect(await store.get('C-9')).toMatchObject({ status: 'dispatched', version: 3 });
    });

    it('lets exactly one of concurrent decisions on a step win', async () => {
      const { store } = await make();
      const step = await withOpenStep(store, 'C-10');
      const results = await Promise.all(
        ['a', 'b', 'c', 'd'].map((actor) => store.decideStep({ step, decision: decision(actor), transition: transition('C-10', 2, { status: 'dispatched' }) })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('leaves no decision possible on a closed step, and takes it off the worklist', async () => {
      const { store } = await make();
      const step = await withOpenStep(store, 'C-11');
      await store.closeSteps('C-11', '2026-11-23T02:00:00.000Z');
      expect(await store.worklist(['GRID#G01'])).toEqual([]);
      expect((await store.step('C-11', 'grid-check'))!.closedAt).toBe('2026-11-23T02:00:00.000Z');
      expect(await store.decideStep({ step, decision: decision('gw'), transition: transition('C-11', 2, { status: 'dispatched' }) })).toBe(false);
    });

    it('lists the worklists asked for, soonest due first, departments and the centre by their queues', async () => {
      const { store } = await make();
      await withOpenStep(store, 'C-12', openStep('C-12', 'grid-check', { dueAt: '2026-11-25T00:00:00.000Z' }));
      await withOpenStep(store, 'C-13', openStep('C-13', 'accept', { assignee: { departmentId: 'urban' }, dueAt: '2026-11-24T00:00:00.000Z' }));
      await withOpenStep(store, 'C-14', openStep('C-14', 'centre-review', { assignee: {}, dueAt: '2026-11-23T12:00:00.000Z' }));
      await withOpenStep(store, 'C-15', openStep('C-15', 'feedback', { dueAt: '2026-11-23T06:00:00.000Z' }));
      expect((await store.worklist(['GRID#G01', 'DEPT#urban', 'CENTRE'])).map((s) => s.caseId)).toEqual(['C-14', 'C-13', 'C-12']);
      expect((await store.worklist(['DEPT#urban'])).map((s) => s.caseId)).toEqual(['C-13']);
    });

    it('keeps at most one pending decision per coming opening, which that opening takes', async () => {
      const { store } = await make();
      await store.create(newCase('C-16'));
      const pending = (forSeq: number, actor: string) => ({ caseId: 'C-16', step: 'accept' as const, forSeq, departmentId: 'urban', decision: decision(actor) });
      expect(await store.recordPendingDecision({ pending: pending(2, 'a'), transition: transition('C-16', 1, { awaiting: { step: 'accept', departmentId: 'urban' } }) })).toBe(true);
      expect(await store.recordPendingDecision({ pending: pending(2, 'b'), transition: transition('C-16', 2, {}) })).toBe(false);
      expect(await store.recordPendingDecision({ pending: pending(1, 'c'), transition: transition('C-16', 2, {}) })).toBe(true);
      expect((await store.pendingDecisions('C-16', 'accept')).map((p) => [p.forSeq, p.decision.actorId])).toEqual([
        [1, 'c'],
        [2, 'a'],
      ]);
      expect(await store.pendingDecisions('C-16', 'resolve')).toEqual([]);
      const step = openStep('C-16', 'accept', { assignee: { departmentId: 'urban' }, openedSeq: 1, decision: decision('c') });
      expect(await store.recordStepOpened({ step, status: 'dispatched', expectedVersion: 3, event: event('派单', 'dispatched'), remove: ['awaiting'], takesPending: true })).toBe(true);
      expect((await store.pendingDecisions('C-16', 'accept')).map((p) => p.forSeq)).toEqual([2]);
      expect((await store.get('C-16'))!.awaiting).toBeUndefined();
      // Opened with its decision taken: it waits on no one's worklist.
      expect(await store.worklist(['DEPT#urban'])).toEqual([]);
    });

    it('finds open cases of one grid and category since a time, newest first, until they leave', async () => {
      const { store } = await make();
      await store.create(newCase('C-17', { record: { createdAt: '2026-11-23T01:00:00.000Z' } }));
      await store.create(newCase('C-18', { record: { createdAt: '2026-11-23T03:00:00.000Z' } }));
      await store.create(newCase('C-19', { record: { createdAt: '2026-11-23T02:00:00.000Z', category: 'streetlight' } }));
      await store.create(newCase('C-20', { record: { createdAt: '2026-11-22T01:00:00.000Z' } }));
      await store.create(newCase('C-21', { record: { createdAt: '2026-11-23T02:00:00.000Z', gridId: 'G02' } }));
      const similar = async () => (await store.openSimilar('G01', 'road-damage', '2026-11-23T00:00:00.000Z')).map((c) => c.caseId);
      expect(await similar()).toEqual(['C-18', 'C-17']);
      await store.transition(transition('C-18', 1, { status: 'closed' }, { leaveOpenIndex: true }));
      expect(await similar()).toEqual(['C-17']);
    });

    it('marks an original once, keeping the first time', async () => {
      const { store } = await make();
      await store.create(newCase('C-22'));
      await store.markOriginal('C-22', '2026-11-23T01:00:05.000Z');
      await store.markOriginal('C-22', '2026-11-23T01:00:09.000Z');
      expect(await store.get('C-22')).toMatchObject({ originalSince: '2026-11-23T01:00:05.000Z', version: 1 });
    });

    it('keeps followers of a case', async () => {
      const { store } = await make();
      await store.create(newCase('C-23'));
      await store.addFollower('C-23', { caseId: 'C-25', phone: '+8613800138000' });
      await store.addFollower('C-23', { caseId: 'C-24', phone: '+8613800138001' });
      await store.addFollower('C-23', { caseId: 'C-24', phone: '+8613800138001' });
      expect(await store.followers('C-23')).toEqual([
        { caseId: 'C-24', phone: '+8613800138001' },
        { caseId: 'C-25', phone: '+8613800138000' },
      ]);
      expect(await store.followers('C-none')).toEqual([]);
    });

    it('remembers which case a phone is asked to rate, for any writing of the number, the latest ask winning', async () => {
      const { store } = await make();
      await store.awaitRatingFrom('13912345678', 'C-26');
      expect(await store.caseAwaitingRatingFrom('+86 139 1234 5678')).toBe('C-26');
      await store.awaitRatingFrom('+8613912345678', 'C-27');
      expect(await store.caseAwaitingRatingFrom('13912345678')).toBe('C-27');
      expect(await store.caseAwaitingRatingFrom('13800138000')).toBeUndefined();
    });

    it('adds metric counters with the changes that earn them and sums them per key over a range of days', async () => {
      const { store } = await make();
      const received = (day: string, department: string) => ({ day, dims: { department, grid: 'G01' }, counters: { received: 1 } });
      await store.create(newCase('C-28', { metrics: [received('2026-11-22', 'urban')] }));
      await store.create(newCase('C-29', { metrics: [received('2026-11-23', 'urban')] }));
      await store.create(newCase('C-30', { metrics: [received('2026-11-23', 'water')] }));
      await store.create(newCase('C-31', { metrics: [received('2026-11-25', 'urban')] }));
      await store.transition(transition('C-29', 1, { status: 'closed' }, { metrics: [{ day: '2026-11-23', dims: { department: 'urban' }, counters: { resolved: 1, satisfied: 1 } }] }));
      const zero = { received: 0, responded: 0, resolved: 0, rated: 0, satisfied: 0 };
      expect(await store.metrics('department', '2026-11-22', '2026-11-24')).toEqual([
        { ...zero, key: 'urban', received: 2, resolved: 1, satisfied: 1 },
        { ...zero, key: 'water', received: 1 },
      ]);
      expect(await store.metrics('grid', '2026-11-23', '2026-11-23')).toEqual([{ ...zero, key: 'G01', received: 2 }]);
    });
  });
}
