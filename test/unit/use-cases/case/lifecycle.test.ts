import { actOnCase } from '../../../../lib/use-cases/case/act';
import { closeInput, dispatchInput } from '../../../../lib/contracts/tasks/case';
import { closeCase } from '../../../../lib/use-cases/case/close';
import { dispatchCase } from '../../../../lib/use-cases/case/dispatch';
import { reopenCase } from '../../../../lib/use-cases/case/reopen';
import { fakePorts, type FakePorts } from '../../../support/fakes/ports';
import { gridWorker, openStep, REPORTER, reportedCase } from '../case-flow';

const dispatch = (ports: FakePorts, caseId: string, over: Record<string, unknown> = {}) => dispatchCase(ports, dispatchInput.parse({ caseId, dispatchCount: 0, ...over }));
const close = (ports: FakePorts, caseId: string, over: Record<string, unknown> = {}) => closeCase(ports, closeInput.parse({ caseId, code: 'fixed', ...over }));
const departmentMetrics = async (ports: FakePorts) => Object.fromEntries((await ports.cases.metrics('department', '2026-01-01', '2026-12-31')).map((r) => [r.key, r]));

describe('case lifecycle tasks (fast, on fakes)', () => {
  it("dispatches to the category's department once per dispatch count, counting it received there once", async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await expect(dispatch(ports, caseId)).resolves.toMatchObject({ departmentId: 'urban', dispatchCount: 1 });
    const after = await ports.cases.get(caseId);
    expect(after).toMatchObject({ status: 'dispatched', departmentId: 'urban', dispatchCount: 1 });
    // A retried task (same count as the workflow knew it) finds the dispatch done.
    await expect(dispatch(ports, caseId)).resolves.toMatchObject({ departmentId: 'urban', dispatchCount: 1 });
    expect(await ports.cases.get(caseId)).toEqual(after);
    // Dispatched again (reopened) to the same department: received there only once.
    await expect(dispatch(ports, caseId, { dispatchCount: 1 })).resolves.toMatchObject({ departmentId: 'urban', dispatchCount: 2 });
    expect((await departmentMetrics(ports)).urban).toMatchObject({ received: 1 });
  });

  it('hands a case nobody accepted to the district (兜底)', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await dispatch(ports, caseId);
    await expect(dispatch(ports, caseId, { dispatchCount: 1, toDistrict: true })).resolves.toMatchObject({ departmentId: 'district', dispatchCount: 2 });
    expect((await ports.cases.timeline(caseId)).at(-1)!.note).toContain('兜底');
  });

  it('reopens with a fresh due time once, however often the task is retried', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    const first = (await ports.cases.get(caseId))!;
    ports.clock.advance(3 * 24 * 3600);
    await expect(reopenCase(ports, { caseId })).resolves.toEqual({ reopenCount: 1 });
    const reopened = await ports.cases.get(caseId);
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(reopened!.dueAt > first.dueAt).toBe(true);
    await expect(reopenCase(ports, { caseId })).resolves.toEqual({ reopenCount: 1 });
    expect(await ports.cases.get(caseId)).toEqual(reopened);
  });

  it('closes with its code, takes every step off the worklists and tells the reporter once', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    await expect(close(ports, caseId)).resolves.toEqual({ code: 'fixed', closed: true });
    await expect(close(ports, caseId)).resolves.toEqual({ code: 'fixed', closed: true });
    expect(await ports.cases.get(caseId)).toMatchObject({ status: 'closed', closure: { code: 'fixed' } });
    expect(await ports.cases.worklist(['GRID#G01'])).toEqual([]);
    expect(ports.outbox.queued().filter((m) => m.key === `${caseId}#closed`)).toEqual([expect.objectContaining({ to: REPORTER, audience: 'resident' })]);
    expect(await ports.cases.openSimilar('G01', 'road-damage', '2000-01-01')).toEqual([]);
  });

  it('counts a case resolved only when it was fixed', async () => {
    const ports = fakePorts();
    const fixed = await reportedCase(ports);
    const invalid = await reportedCase(ports, { description: '另一处' });
    await close(ports, fixed.caseId);
    await close(ports, invalid.caseId, { code: 'invalid' });
    const [grid] = await ports.cases.metrics('grid', '2026-01-01', '2026-12-31');
    expect(grid).toMatchObject({ key: 'G01', received: 2, resolved: 1 });
  });

  it("merges a duplicate into its original: the reporter follows the original and hears when it closes", async () => {
    const ports = fakePorts();
    const original = await reportedCase(ports);
    const duplicate = await reportedCase(ports, { reporter: { phone: '13800138000' } });
    await close(ports, duplicate.caseId, { code: 'duplicate', mergeInto: original.caseId });
    expect(await ports.cases.followers(original.caseId)).toEqual([{ caseId: duplicate.caseId, phone: '+8613800138000' }]);
    await close(ports, original.caseId);
    expect(ports.outbox.queued().map((m) => m.key)).toEqual(expect.arrayContaining([`${duplicate.caseId}#closed`, `${duplicate.caseId}#original-closed`, `${original.caseId}#closed`]));
  });

  it("yields triage's automatic merge to a grid worker who already answered", async () => {
    const ports = fakePorts();
    const original = await reportedCase(ports);
    const { caseId } = await reportedCase(ports, { description: '另一处' });
    await actOnCase(ports, caseId, gridWorker('G01'), { type: 'grid-check', outcome: 'needs-dispatch', note: '需派单' });
    await expect(close(ports, caseId, { code: 'duplicate', mergeInto: original.caseId })).resolves.toEqual({ code: 'duplicate', closed: false });
    expect((await ports.cases.get(caseId))!.status).not.toBe('closed');
  });
});
