import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../../lib/errors';
import { actOnCase } from '../../../../lib/use-cases/case/act';
import { fakePorts } from '../../../support/fakes/ports';
import { department, gridWorker, openStep, reportedCase } from '../case-flow';

const gridCheck = { type: 'grid-check', outcome: 'needs-dispatch', note: '路面塌陷约1平方米，需派单' } as const;

describe('actOnCase (fast, on fakes)', () => {
  it("records the grid worker's decision on the open step and resumes the workflow with codes only", async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    const token = await openStep(ports, caseId, 'grid-check');
    const before = (await ports.cases.get(caseId))!.version;
    await expect(actOnCase(ports, caseId, gridWorker('G01'), gridCheck)).resolves.toEqual({ caseId, status: expect.any(String) });
    expect(ports.workflows.completed).toEqual([{ token, output: { outcome: 'needs-dispatch', duplicateOf: null } }]);
    expect(JSON.stringify(ports.workflows.completed)).not.toContain('路面');
    const stored = await ports.cases.get(caseId);
    expect(stored).toMatchObject({ version: before + 1, respondedAt: expect.any(String), awaiting: { step: 'accept', departmentId: 'urban' } });
    expect((await ports.cases.step(caseId, 'grid-check'))!.decision).toMatchObject({ type: 'grid-check', actorId: 'gw-G01', note: gridCheck.note });
  });

  it('accepts the same action repeated without recording it twice', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    await actOnCase(ports, caseId, gridWorker('G01'), gridCheck);
    const after = await ports.cases.get(caseId);
    await expect(actOnCase(ports, caseId, gridWorker('G01'), gridCheck)).resolves.toMatchObject({ caseId });
    expect(await ports.cases.get(caseId)).toEqual(after);
    expect(ports.workflows.completed).toHaveLength(1);
  });

  it('refuses a grid worker of another grid (403) before reading the action', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    const body = jest.fn(() => gridCheck);
    await expect(actOnCase(ports, caseId, gridWorker('G02'), body)).rejects.toBeInstanceOf(ForbiddenError);
    expect(body).not.toHaveBeenCalled();
  });

  it("refuses a step that is not the caller's to take (403), and one the case does not wait for (409 NOT_WAITING)", async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    await expect(actOnCase(ports, caseId, department('urban'), { type: 'accept' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(actOnCase(ports, caseId, gridWorker('G01'), { type: 'verify', passed: true, note: '已修好' })).rejects.toMatchObject({ code: 'NOT_WAITING', statusCode: 409 });
    expect(ports.workflows.completed).toEqual([]);
  });

  it('hides a case from a resident without its tracking code, and asks who the caller is first', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    const feedback = { type: 'feedback', rating: 'satisfied' } as const;
    await expect(actOnCase(ports, caseId, undefined, feedback)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(actOnCase(ports, caseId, { kind: 'resident' }, feedback, { trackingCodeMatches: () => false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(actOnCase(ports, 'no-such-case', gridWorker('G01'), gridCheck)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets exactly one of two different concurrent decisions win; the other is told the case no longer waits for it', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    const results = await Promise.allSettled([
      actOnCase(ports, caseId, gridWorker('G01', 'gw-a'), gridCheck),
      actOnCase(ports, caseId, gridWorker('G01', 'gw-b'), { type: 'grid-check', outcome: 'invalid', note: '现场未发现问题' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost!.reason).toBeInstanceOf(ConflictError);
    expect(lost!.reason).toMatchObject({ code: 'NOT_WAITING' });
    expect(ports.workflows.completed).toHaveLength(1);
  });

  it('reads the case again and decides when its write lost to a change the workflow made meanwhile', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    const decideStep = ports.cases.decideStep.bind(ports.cases);
    jest.spyOn(ports.cases, 'decideStep').mockImplementationOnce(async (input) => {
      const record = (await ports.cases.get(caseId))!;
      await ports.cases.transition({ caseId, expectedVersion: record.version, set: {}, event: { at: record.createdAt, status: record.status, actor: 'system', note: '流程记录' } });
      return decideStep(input);
    });
    await expect(actOnCase(ports, caseId, gridWorker('G01'), gridCheck)).resolves.toMatchObject({ caseId });
    expect(ports.cases.decideStep).toHaveBeenCalledTimes(2);
    expect((await ports.cases.step(caseId, 'grid-check'))!.decision).toMatchObject({ actorId: 'gw-G01' });
  });

  it('takes a decision made before its step opened, and the opening passes it on at once', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await expect(actOnCase(ports, caseId, gridWorker('G01'), gridCheck)).resolves.toMatchObject({ caseId });
    expect(ports.workflows.completed).toEqual([]);
    const token = await openStep(ports, caseId, 'grid-check');
    expect(ports.workflows.completed).toEqual([{ token, output: { outcome: 'needs-dispatch', duplicateOf: null } }]);
    expect(await ports.cases.worklist(['GRID#G01'])).toEqual([]);
  });

  it('records nothing when the case workflow is not running (409 WORKFLOW_NOT_RUNNING)', async () => {
    const ports = fakePorts();
    const { caseId } = await reportedCase(ports);
    await openStep(ports, caseId, 'grid-check');
    ports.workflows.stop('case-lifecycle', caseId, { status: 'FAILED' });
    const before = await ports.cases.get(caseId);
    await expect(actOnCase(ports, caseId, gridWorker('G01'), gridCheck)).rejects.toMatchObject({ code: 'WORKFLOW_NOT_RUNNING' });
    expect(await ports.cases.get(caseId)).toEqual(before);
  });
});
