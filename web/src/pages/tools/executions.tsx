import { useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Field, Link, Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { local, machineLabel, STATUS, toolsNav, type ExecutionDetail, type ExecutionSummary } from './local';
import './tools.css';

/** Names for the ids an execution carries; any other id by its own name. */
const ID_LABELS: Record<string, string> = { caseId: '诉求', wishId: '微心愿', visitId: '探访', elderId: '老人', volunteerId: '志愿者', gridId: '网格', claimId: '认领', weekId: '计划周', id: '编号' };

function Ids({ ids }: { ids: Record<string, string> }) {
  const entries = Object.entries(ids);
  if (!entries.length) return null;
  return (
    <dl class="ids">
      {entries.map(([k, v]) => (
        <div key={k} class="row">
          <dt>{ID_LABELS[k] ?? k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const detailPath = (arn: string) => `/tools/executions/${encodeURIComponent(arn)}`;

/** Every execution of the local Step Functions service, newest first; each one's history a click away. */
export function Executions({ who }: { who?: Identity | undefined }) {
  const list = useLoad(() => local<ExecutionSummary[]>('/local/executions'));
  const [machine, setMachine] = useState('');
  const [status, setStatus] = useState('');
  const all = list.data ?? [];
  const machines = [...new Set(all.map((e) => e.stateMachine))].sort();
  const shown = all.filter((e) => (!machine || e.stateMachine === machine) && (!status || e.status === status));
  return (
    <Shell title="流程执行（本机）" who={who} nav={toolsNav}>
      <div class="tools-filter">
        <Field label="状态机">
          <select value={machine} onChange={(e) => setMachine(e.currentTarget.value)}>
            <option value="">全部</option>
            {machines.map((m) => (
              <option key={m} value={m}>
                {machineLabel(m)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="状态">
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">全部</option>
            {Object.entries(STATUS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.text}
              </option>
            ))}
          </select>
        </Field>
        <div class="actions">
          <button type="button" class="secondary" onClick={list.reload}>
            刷新
          </button>
        </div>
      </div>
      <Loading when={list.loading && !list.data} />
      <Problem text={list.error} />
      {list.data ? (
        <Section title={`执行（${shown.length}个）`}>
          {shown.length === 0 ? (
            <p class="muted">没有符合条件的执行。</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">执行</th>
                    <th scope="col">状态机</th>
                    <th scope="col">状态</th>
                    <th scope="col">当前步骤</th>
                    <th scope="col">开始</th>
                    <th scope="col">编号</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr key={e.executionArn}>
                      <td class="mono">
                        <Link to={detailPath(e.executionArn)}>{e.name}</Link>
                      </td>
                      <td>{machineLabel(e.stateMachine)}</td>
                      <td>
                        <span class={STATUS[e.status]?.cls ?? 'badge'}>{STATUS[e.status]?.text ?? e.status}</span>
                      </td>
                      <td class="mono">{e.state ?? '—'}</td>
                      <td>{when(e.startedAt)}</td>
                      <td>
                        <Ids ids={e.ids} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      ) : null}
    </Shell>
  );
}

const EVENT_WORDS: Array<[RegExp, string]> = [
  [/^ExecutionStarted$/, '流程开始'],
  [/^ExecutionSucceeded$/, '流程完成'],
  [/^ExecutionFailed$/, '流程失败'],
  [/^ExecutionAborted$/, '流程中止'],
  [/^ExecutionTimedOut$/, '流程超时'],
  [/^WaitStateEntered$/, '开始等待'],
  [/^WaitStateExited$/, '等待结束'],
  [/StateEntered$/, '进入步骤'],
  [/StateExited$/, '离开步骤'],
  [/^TaskScheduled$/, '调用函数'],
  [/^TaskSucceeded$/, '任务完成'],
  [/^TaskFailed$/, '任务失败'],
  [/^TaskTimedOut$/, '任务超时'],
  [/^StateRetried$/, '重试'],
  [/^StateCaught$/, '捕获错误'],
  [/^StateFailed$/, '步骤失败'],
];
const eventWords = (type: string) => EVENT_WORDS.find(([re]) => re.test(type))?.[1] ?? type;

/** One execution: where it stands, the ids it carries, and its history event by event. */
export function ExecutionPage({ arn, who }: { arn: string; who?: Identity | undefined }) {
  const detail = useLoad(() => local<ExecutionDetail>(`/local/execution?arn=${encodeURIComponent(arn)}`), [arn]);
  const e = detail.data;
  return (
    <Shell title={e ? `执行 ${e.name}` : '执行详情'} who={who} nav={toolsNav}>
      <p>
        <Link to="/tools/executions">← 全部执行</Link>
      </p>
      <Loading when={detail.loading && !e} />
      <Problem text={detail.error} />
      {e ? (
        <>
          <Section title="概况">
            <dl class="ids overview">
              <div class="row">
                <dt>状态机</dt>
                <dd>{machineLabel(e.stateMachine)}</dd>
              </div>
              <div class="row">
                <dt>状态</dt>
                <dd>
                  <span class={STATUS[e.status]?.cls ?? 'badge'}>{STATUS[e.status]?.text ?? e.status}</span>
                </dd>
              </div>
              <div class="row">
                <dt>{e.status === 'RUNNING' ? '当前步骤' : '最后步骤'}</dt>
                <dd>{e.state ?? '—'}</dd>
              </div>
              <div class="row">
                <dt>开始</dt>
                <dd>{when(e.startedAt)}</dd>
              </div>
              {e.stoppedAt ? (
                <div class="row">
                  <dt>结束</dt>
                  <dd>{when(e.stoppedAt)}</dd>
                </div>
              ) : null}
            </dl>
            <h3 class="label">输入中的编号</h3>
            {Object.keys(e.ids).length ? <Ids ids={e.ids} /> : <p class="muted">无</p>}
            {Object.keys(e.outputIds).length ? (
              <>
                <h3 class="label">输出中的编号</h3>
                <Ids ids={e.outputIds} />
              </>
            ) : null}
          </Section>
          <Section title={`历史（${e.history.length}个事件）`}>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">时间</th>
                    <th scope="col">事件</th>
                    <th scope="col">步骤</th>
                    <th scope="col">说明</th>
                  </tr>
                </thead>
                <tbody>
                  {e.history.map((h) => (
                    <tr key={h.id}>
                      <td>{h.id}</td>
                      <td>{when(h.at)}</td>
                      <td>
                        {eventWords(h.type)} <span class="mono muted">{h.type}</span>
                      </td>
                      <td class="mono">{h.state ?? ''}</td>
                      <td>
                        {h.error ? <span class="badge overdue">{h.error}</span> : null}
                        {h.ids ? <Ids ids={h.ids} /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        </>
      ) : null}
    </Shell>
  );
}
