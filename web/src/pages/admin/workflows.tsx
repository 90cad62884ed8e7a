import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { api, ok } from '../../api/client';
import { explain } from '../../api/problem';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Field, Problem, Section } from '../../ui/kit';
import { useAction } from '../../ui/use-load';
import { adminNav } from './nav';
import './admin.css';

type Name = 'weekly-roster' | 'wish-matching' | 'reconcile';
type Execution = Awaited<ReturnType<typeof describe>>;
const describe = (name: Name, executionId: string) => ok(api().GET('/v1/admin/workflows/{name}/executions/{executionId}', { params: { path: { name, executionId } } }));

const STATUS: Record<Execution['status'], { text: string; cls: string }> = {
  RUNNING: { text: '运行中', cls: 'badge' },
  SUCCEEDED: { text: '已完成', cls: 'badge ok' },
  FAILED: { text: '失败', cls: 'badge overdue' },
  TIMED_OUT: { text: '超时', cls: 'badge overdue' },
  ABORTED: { text: '已中止', cls: 'badge overdue' },
  PENDING_REDRIVE: { text: '等待重跑', cls: 'badge' },
};

/** Names for what the workflows answer (ids and counts); a field not named here is shown by its own name. */
const LABELS: Record<string, string> = {
  weekId: '计划周',
  planned: '新排探访',
  kept: '已有探访（保留）',
  restarted: '补启的探访流程',
  uncovered: '未能安排的老人',
  totalCost: '排班总成本',
  elderId: '老人编号',
  gridId: '网格',
  reason: '原因',
  openWishes: '待认领的微心愿',
  volunteers: '参与匹配的志愿者',
  suggested: '发出的推荐',
  unmatchedPlaces: '未匹配的名额',
  checked: '检查的记录',
  repaired: '重新启动的流程',
  needsAttention: '仍待中心处理',
  complete: '已检查完全部',
  kind: '类型',
  id: '编号',
  step: '步骤',
  execution: '执行名',
};
const VALUES: Record<string, string> = { 'no-volunteer-nearby': '附近没有志愿者', 'no-free-slot': '志愿者时间已排满', case: '诉求', wish: '微心愿', visit: '探访' };
const label = (k: string) => LABELS[k] ?? k;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return VALUES[v] ?? v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return JSON.stringify(v);
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A workflow's output as people read it: counts in a list, lists of records as tables. */
function Output({ value }: { value: unknown }): JSX.Element {
  if (Array.isArray(value)) {
    if (!value.length) return <span>无</span>;
    if (value.every(isRecord)) {
      const columns = [...new Set(value.flatMap((r) => Object.keys(r)))];
      return (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {label(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {value.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{isRecord(r[c]) || Array.isArray(r[c]) ? <Output value={r[c]} /> : scalar(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    return <span>{value.map(scalar).join('、')}</span>;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    const simple = entries.filter(([, v]) => !isRecord(v) && !Array.isArray(v));
    const nested = entries.filter(([, v]) => isRecord(v) || Array.isArray(v));
    return (
      <div class="output">
        {simple.length ? (
          <dl class="facts">
            {simple.map(([k, v]) => (
              <div key={k}>
                <dt>{label(k)}</dt>
                <dd>{scalar(v)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {nested.map(([k, v]) => (
          <div key={k} class="nested">
            <h4>
              {label(k)}
              {Array.isArray(v) ? `（${v.length}）` : ''}
            </h4>
            <Output value={v} />
          </div>
        ))}
      </div>
    );
  }
  return <span>{scalar(value)}</span>;
}

/** Watches one execution: asks every second until it stops. */
function Watch({ name, executionId }: { name: Name; executionId: string }) {
  const [execution, setExecution] = useState<Execution>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gone = false;
    const poll = () =>
      describe(name, executionId).then(
        (e) => {
          if (gone) return;
          setExecution(e);
          setError(undefined);
          if (e.status === 'RUNNING') timer = setTimeout(poll, 1000);
        },
        (err: unknown) => {
          if (gone) return;
          setError(explain(err));
          timer = setTimeout(poll, 1000);
        },
      );
    void poll();
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [name, executionId]);
  const status = execution ? STATUS[execution.status] : undefined;
  return (
    <div class="execution" aria-live="polite">
      <p class="row">
        <span>
          执行 <code>{executionId}</code>
        </span>
        {status ? <span class={status.cls} data-status={execution!.status}>{status.text}</span> : <span class="badge">查询中…</span>}
      </p>
      <Problem text={error} />
      {execution ? (
        <>
          <p class="muted">
            开始于 {when(execution.startedAt)}
            {execution.stoppedAt ? `，结束于 ${when(execution.stoppedAt)}` : '，每秒刷新一次'}
          </p>
          {execution.output !== undefined ? (
            <div class="result">
              <h3>运行结果</h3>
              <Output value={execution.output} />
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Runner({ name, title, about, children, input }: { name: Name; title: string; about: string; children?: JSX.Element | JSX.Element[]; input: () => Record<string, unknown> }) {
  const [runs, setRuns] = useState<string[]>([]);
  const action = useAction();
  const start = () =>
    action.run(async () => {
      const { executionId } = await ok(api().POST('/v1/admin/workflows/{name}/executions', { params: { path: { name } }, body: input() as never }));
      setRuns((r) => [executionId, ...r]);
    });
  return (
    <Section title={title}>
      <p class="muted">{about}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        {children}
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? '正在启动…' : `运行${title}`}
          </button>
        </div>
      </form>
      <Problem text={action.error} />
      {runs.map((id) => (
        <Watch key={id} name={name} executionId={id} />
      ))}
    </Section>
  );
}

/** Runs the centre's workflows by hand and watches each run to its end. */
export function Workflows({ who }: { who?: Identity | undefined }) {
  const [weekOf, setWeekOf] = useState('');
  const [maxPages, setMaxPages] = useState('20');
  const [maxRestarts, setMaxRestarts] = useState('50');
  return (
    <Shell title="工作流" who={who} nav={adminNav()}>
      <div class="admin">
        <Runner name="weekly-roster" title="周探访排班" about="为独居老人安排下周（或本周）的陪伴探访，分配志愿者；每周日 20:00 也会自动运行。" input={() => (weekOf ? { weekOf } : {})}>
          <Field label="计划哪一周" hint="选该周任意一天；留空则为下周">
            <input type="date" value={weekOf} onInput={(e) => setWeekOf((e.target as HTMLInputElement).value)} />
          </Field>
        </Runner>
        <Runner name="wish-matching" title="微心愿匹配" about="把待认领的微心愿推荐给附近愿意接收推荐的志愿者。" input={() => ({})} />
        <Runner name="reconcile" title="流程巡检修复" about="找出流程已停止但事项未办完的诉求、微心愿和探访，从当前步骤重新启动；每 6 小时也会自动运行。" input={() => ({ maxPages: Number(maxPages), maxRestarts: Number(maxRestarts) })}>
          <div class="columns">
            <Field label="最多检查页数" hint="1–50">
              <input type="number" min={1} max={50} value={maxPages} onInput={(e) => setMaxPages((e.target as HTMLInputElement).value)} />
            </Field>
            <Field label="最多重启流程数" hint="1–200">
              <input type="number" min={1} max={200} value={maxRestarts} onInput={(e) => setMaxRestarts((e.target as HTMLInputElement).value)} />
            </Field>
          </div>
        </Runner>
      </div>
    </Shell>
  );
}
