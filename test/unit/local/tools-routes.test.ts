import { advanceSummary, executionDetail, executionList, idsOnly, maskedOutbox } from '../../../local/tools-routes';
import type { LocalStepFunctions } from '../../../local/sfn/engine';

describe("the console's local tools: what the stack hands them", () => {
  it('masks every number and tracking code of the outbox', () => {
    const shown = maskedOutbox([{ to: '+8613712349077', text: '【民情直通】已收到您的诉求，编号261123-AJNYQ，查询码ABCDEFGHJK。如有疑问拨打13912345678', at: '2026-11-23T01:00:00.000Z' }]);
    expect(shown).toEqual([{ to: '137****9077', text: '【民情直通】已收到您的诉求，编号261123-AJNYQ，查询码[code]。如有疑问拨打139****5678', at: '2026-11-23T01:00:00.000Z' }]);
    expect(JSON.stringify(shown)).not.toMatch(/13712349077|13912345678|ABCDEFGHJK/);
  });

  it('keeps only the ids of a document: no name, phone, address, text or task token', () => {
    const input = JSON.stringify({
      caseId: '261123-AJNYQ',
      reporter: { name: '王建国', phone: '13712349077', staffId: 'gw-01' },
      description: '路灯不亮',
      taskToken: 'secret-token',
      items: [{ wishId: 'W12345', title: '收音机' }],
      gridId: '第01网格 同心苑',
    });
    expect(idsOnly(input)).toEqual({ caseId: '261123-AJNYQ', staffId: 'gw-01', wishId: 'W12345' });
    expect(idsOnly('not json')).toEqual({});
    expect(idsOnly(undefined)).toEqual({});
  });

  it('lists executions newest first with their state; an unknown ARN has no detail', () => {
    const at = (iso: string) => new Date(iso);
    const history = (state: string) => [
      { id: 1, previousEventId: 0, timestamp: at('2026-11-23T01:00:00Z'), type: 'ExecutionStarted', details: { executionStartedEventDetails: { input: '{"caseId":"C1","phone":"13712349077"}' } } },
      { id: 2, previousEventId: 1, timestamp: at('2026-11-23T01:00:00Z'), type: 'TaskStateEntered', details: { stateEnteredEventDetails: { name: state, input: '{"caseId":"C1","note":"王建国"}' } } },
      { id: 3, previousEventId: 2, timestamp: at('2026-11-23T01:00:01Z'), type: 'TaskFailed', details: { taskFailedEventDetails: { error: 'Boom', cause: '13712349077 王建国', stateName: state } } },
    ];
    const executions = [
      { executionArn: 'arn:1', stateMachineArn: 'sm:a', name: 'C1', input: '{"caseId":"C1","phone":"13712349077"}', status: 'RUNNING', startDate: at('2026-11-23T01:00:00Z'), history: history('Wait for the grid check') },
      { executionArn: 'arn:2', stateMachineArn: 'sm:a', name: 'C2', input: '{"caseId":"C2"}', status: 'SUCCEEDED', startDate: at('2026-11-23T02:00:00Z'), stopDate: at('2026-11-23T03:00:00Z'), output: '{"caseId":"C2","text":"x"}', history: [] },
    ];
    const sfn = {
      listStateMachines: () => [{ stateMachineArn: 'sm:a', name: 'minqing-local-case-lifecycle' }],
      list: () => executions,
      describe: (arn: string) => {
        const found = executions.find((e) => e.executionArn === arn);
        if (!found) throw new Error('ExecutionDoesNotExist');
        return found;
      },
    } as unknown as LocalStepFunctions;
    const list = executionList(sfn);
    expect(list.map((e) => e.name)).toEqual(['C2', 'C1']);
    expect(list[1]).toMatchObject({ status: 'RUNNING', state: 'Wait for the grid check', stateMachine: 'minqing-local-case-lifecycle', ids: { caseId: 'C1' }, startedAt: '2026-11-23T09:00:00+08:00' });
    const detail = executionDetail(sfn, 'arn:1')!;
    expect(detail.history.map((h) => h.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskFailed']);
    expect(detail.history[2]).toMatchObject({ state: 'Wait for the grid check', error: 'Boom' });
    expect(JSON.stringify(detail)).not.toMatch(/13712349077|王建国/);
    expect(executionDetail(sfn, 'arn:3')).toBeUndefined();
    expect(executionDetail(sfn, 'arn:2')!.outputIds).toEqual({ caseId: 'C2' });
  });

  it('summarises an advance: timers, SMS, executions started, moved on and ended', () => {
    const before = { timersFired: 3, sms: 5, executions: new Map([['a', 'RUNNING#4'], ['b', 'RUNNING#9'], ['c', 'SUCCEEDED#7']]) };
    const after = { timersFired: 7, sms: 8, executions: new Map([['a', 'RUNNING#6'], ['b', 'SUCCEEDED#12'], ['c', 'SUCCEEDED#7'], ['d', 'RUNNING#2']]) };
    expect(advanceSummary(before, after)).toEqual({ timersFired: 4, smsSent: 3, executionsStarted: 1, executionsChanged: 2, executionsEnded: 1 });
  });
});
