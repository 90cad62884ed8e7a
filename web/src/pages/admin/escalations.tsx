import { useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { api, ok } from '../../api/client';
import { Shell } from '../../shell';
import { serverNow, syncClock } from '../../ui/clock';
import { timeLeft, when } from '../../ui/format';
import { Done, Link, Loading, Problem, Section } from '../../ui/kit';
import { useAction, useLoad } from '../../ui/use-load';
import { loadNames } from './metrics';
import { adminNav } from './nav';
import './admin.css';

type Entry = Awaited<ReturnType<typeof loadWorklist>>[number];
type Attention = Extract<Entry, { kind: string }>;
type Step = Exclude<Entry, { kind: string }>;

const loadWorklist = async () => {
  await syncClock();
  return ok(api().GET('/v1/worklist'));
};

const STEP_NAMES: Record<Step['step'], string> = {
  'grid-check': '网格核查',
  accept: '签收',
  resolve: '办理',
  verify: '核实',
  feedback: '回访评价',
  'centre-review': '中心研判',
};
const KIND_NAMES: Record<Attention['kind'], string> = { case: '诉求', wish: '微心愿', visit: '探访' };

function Due({ dueAt }: { dueAt: string }) {
  const left = timeLeft(dueAt, serverNow());
  return (
    <span class={left.overdue ? 'badge overdue' : 'badge'}>
      {left.overdue ? `督办 · ${left.text}` : left.text}（{when(dueAt)}）
    </span>
  );
}

/** Resumed items leave the list, so what happened is said above it (`onResumed`), not beside the item. */
function AttentionItem({ item, onResumed }: { item: Attention; onResumed: (said: string) => void }) {
  const action = useAction();
  const what = `${KIND_NAMES[item.kind]} ${item.caseId ?? item.id}`;
  const resume = () =>
    action.run(async () => {
      const answer = await ok(api().POST('/v1/admin/attention/{kind}/{id}/resume', { params: { path: { kind: item.kind, id: item.id } } }));
      onResumed(answer.restartedAt ? `${what} 已从「${answer.restartedAt}」重新启动流程。` : `${what} 已恢复，流程从「${answer.resumedAt ?? item.failedAt}」继续。`);
    });
  return (
    <li>
      <div class="row">
        <strong>
          {KIND_NAMES[item.kind]} {item.caseId ? <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{item.caseId}</Link> : item.id}
        </strong>
        <Due dueAt={item.dueAt} />
      </div>
      <p class="muted">
        自 {when(item.since)} 起暂停，等待中心处理。技术信息（供运维排查）：流程步骤 <code>{item.failedAt}</code>，错误类型 <code>{item.error}</code>。
      </p>
      <div class="actions">
        <button type="button" class="primary" disabled={action.busy} onClick={() => void resume()} aria-label={`恢复${KIND_NAMES[item.kind]}${item.caseId ?? item.id}的流程`}>
          {action.busy ? '正在恢复…' : '恢复'}
        </button>
      </div>
      <Problem text={action.error} />
    </li>
  );
}

function StepItem({ step, category, grid }: { step: Step; category: string; grid: string }) {
  return (
    <li>
      <div class="row">
        <Link to={`/cases/${encodeURIComponent(step.caseId)}`}>{step.caseId}</Link>
        <Due dueAt={step.dueAt} />
      </div>
      <p class="muted">
        {STEP_NAMES[step.step]} · {category}
        {step.gridId ? ` · ${grid}` : ''}
      </p>
    </li>
  );
}

/** 吹哨 / 兜底 / 督办: what waits on the centre, overdue first within each kind. */
export function Escalations({ who }: { who?: Identity | undefined }) {
  const work = useLoad(loadWorklist);
  const names = useLoad(loadNames);
  const [resumed, setResumed] = useState<string>();
  const entries = work.data ?? [];
  const attention = entries.filter((e): e is Attention => 'kind' in e);
  const steps = entries.filter((e): e is Step => !('kind' in e));
  const byDue = (a: { dueAt: string }, b: { dueAt: string }) => Date.parse(a.dueAt) - Date.parse(b.dueAt);
  const review = steps.filter((s) => s.step === 'centre-review').sort(byDue);
  const district = steps.filter((s) => s.step === 'accept' || s.step === 'resolve').sort(byDue);
  const unrouted = steps.filter((s) => s.step === 'grid-check' || s.step === 'verify').sort(byDue);
  const category = (code: string) => names.data?.categories.get(code) ?? code;
  const grid = (id: string | undefined) => (id ? (names.data?.grids.get(id) ?? id) : '');
  const overdue = steps.filter((s) => Date.parse(s.dueAt) < serverNow()).length;

  return (
    <Shell title="督办与兜底" who={who} nav={adminNav()}>
      <div class="admin">
        <Loading when={work.loading} />
        <Problem text={work.error ?? names.error} />
        {work.data ? (
          <>
            <p class="summary" role="status">
              流程暂停 <strong>{attention.length}</strong> 件 · 中心研判 <strong>{review.length}</strong> 件 · 区级兜底 <strong>{district.length}</strong> 件 · 其中已超时（督办）<strong>{overdue}</strong> 件
            </p>
            <div class="actions">
              <button type="button" class="secondary" onClick={work.reload}>
                刷新
              </button>
            </div>
            <Section title="流程出错暂停（待恢复）">
              <p class="muted">流程因故障停下、等待中心处理的诉求、微心愿和探访。排除故障后点「恢复」，流程从停下处继续。</p>
              <Done text={resumed} />
              {attention.length ? (
                <ul class="list">
                  {attention.map((a) => (
                    <AttentionItem
                    key={`${a.kind}#${a.id}`}
                    item={a}
                    onResumed={(said) => {
                      setResumed(said);
                      work.reload();
                    }}
                  />
                  ))}
                </ul>
              ) : (
                <p>暂无。</p>
              )}
            </Section>
            <Section title="中心研判（多次重办未满意）">
              <p class="muted">群众两次不满意的诉求升级到指挥中心研判，重新指定承办部门或作出结论。</p>
              {review.length ? (
                <ul class="list">
                  {review.map((s) => (
                    <StepItem key={`${s.caseId}#${s.step}`} step={s} category={category(s.category)} grid={grid(s.gridId)} />
                  ))}
                </ul>
              ) : (
                <p>暂无。</p>
              )}
            </Section>
            <Section title="区级兜底（无部门签收、吹哨转办）">
              <p class="muted">部门超时未签收被吹哨、转区综合执法中心兜底的诉求；超时的每天再吹哨一次。</p>
              {district.length ? (
                <ul class="list">
                  {district.map((s) => (
                    <StepItem key={`${s.caseId}#${s.step}`} step={s} category={category(s.category)} grid={grid(s.gridId)} />
                  ))}
                </ul>
              ) : (
                <p>暂无。</p>
              )}
            </Section>
            {unrouted.length ? (
              <Section title="中心代办（未定网格的核查、核实）">
                <ul class="list">
                  {unrouted.map((s) => (
                    <StepItem key={`${s.caseId}#${s.step}`} step={s} category={category(s.category)} grid={grid(s.gridId)} />
                  ))}
                </ul>
              </Section>
            ) : null}
          </>
        ) : null}
      </div>
    </Shell>
  );
}
