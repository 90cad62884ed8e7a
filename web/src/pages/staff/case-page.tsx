import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import type { Identity } from '../../auth/identity';
import { HOME } from '../../auth/sign-in';
import { Shell, type NavItem } from '../../shell';
import { syncClock } from '../../ui/clock';
import { timeLeft, when } from '../../ui/format';
import { Done, Link, Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { CaseActions } from './case-actions';
import { categoryList, categoryName, departmentList, departmentName, gridList, gridName } from './reference';
import { useNow } from './use-now';
import { ACTOR_NAMES, CLOSURE_NAMES, PRIORITY_NAMES, STATUS_NAMES } from './words';
import './staff.css';

/**
 * One case for the staff who work it: where it stands, its timeline in plain words, and only the
 * actions waiting for this person now (what their worklist holds for this case).
 */
export function CasePage({ caseId, who, nav }: { caseId: string; who?: Identity | undefined; nav: NavItem[] }) {
  const now = useNow();
  const [notice, setNotice] = useState<{ done?: string; problem?: string }>({});
  // A step just answered (202) is not offered again while the workflow catches up; a new step has its own due time.
  const [answered, setAnswered] = useState<string[]>([]);
  const [handedOff, setHandedOff] = useState(false);
  // The workflow opens the next step moments after a 202: read the case once more shortly after, so it shows without a refresh.
  const [followUp, setFollowUp] = useState(0);
  useEffect(() => {
    if (!followUp) return;
    const timer = setTimeout(load.reload, 2_000);
    return () => clearTimeout(timer);
  }, [followUp]);
  const load = useLoad(async () => {
    const [view, work, categories, grids, departments] = await Promise.all([
      ok(api().GET('/v1/cases/{caseId}', { params: { path: { caseId } } })),
      ok(api().GET('/v1/worklist')),
      categoryList(),
      gridList(),
      departmentList(),
      syncClock(),
    ]);
    const waiting = work.flatMap((w) => (w.step !== 'needs-attention' && w.caseId === caseId ? [w] : []));
    return { view, waiting, categories, grids, departments };
  }, [caseId]);
  const data = load.data;
  const stepKey = (w: { step: string; dueAt: string }) => `${w.step}@${w.dueAt}`;
  const waiting = (data?.waiting ?? []).filter((w) => !answered.includes(stepKey(w)));
  const view = data?.view;
  const left = view && view.status !== 'closed' ? timeLeft(view.dueAt, now) : undefined;
  return (
    <Shell title={view ? `诉求 ${view.caseId}` : '诉求详情'} who={who} nav={nav}>
      <p>
        <Link to={who ? HOME[who.role] : '/'}>← 返回待办</Link>
      </p>
      <Loading when={load.loading && !data} />
      <Problem text={load.error} />
      {view && data ? (
        <>
          <Section title="概况">
            <dl class="facts">
              <dt>状态</dt>
              <dd>
                <strong>{STATUS_NAMES[view.status]}</strong>
              </dd>
              <dt>类别</dt>
              <dd>
                {categoryName(data.categories, view.category)}（{PRIORITY_NAMES[view.priority]}）
              </dd>
              <dt>网格</dt>
              <dd>{gridName(data.grids, view.gridId)}</dd>
              <dt>承办部门</dt>
              <dd>{departmentName(data.departments, view.departmentId)}</dd>
              <dt>提交时间</dt>
              <dd>{when(view.createdAt)}</dd>
              <dt>办结时限</dt>
              <dd>
                {when(view.dueAt)}
                {left ? <span class={left.overdue ? 'badge overdue' : 'badge'}> {left.text}</span> : null}
              </dd>
              <dt>重办次数</dt>
              <dd>{view.reopenCount}</dd>
              {view.closure ? (
                <>
                  <dt>办结结果</dt>
                  <dd>
                    {CLOSURE_NAMES[view.closure.code]}：{view.closure.note}
                  </dd>
                </>
              ) : null}
            </dl>
            {view.description ? <p>{view.description}</p> : null}
          </Section>
          <Section title="等待您处理">
            <Done text={notice.done} />
            <Problem text={notice.problem} />
            {waiting.length ? (
              waiting.map((w) => (
                <CaseActions
                  key={stepKey(w)}
                  caseId={caseId}
                  step={w.step}
                  dueAt={w.dueAt}
                  now={now}
                  departments={data.departments}
                  currentDepartment={view.departmentId}
                  onDone={(text, handedOff) => {
                    setNotice({ done: text });
                    setAnswered((keys) => [...keys, stepKey(w)]);
                    // A refused case goes to another department: reading it again would (rightly) be refused.
                    if (handedOff) setHandedOff(true);
                    else {
                      load.reload();
                      setFollowUp((n) => n + 1);
                    }
                  }}
                  onRefused={(why) => {
                    setNotice({ problem: why });
                    load.reload();
                  }}
                />
              ))
            ) : handedOff ? (
              <p>
                诉求已退回，将转交其他部门办理，您无需再操作。<Link to={who ? HOME[who.role] : '/'}>返回待办</Link>
              </p>
            ) : (
              <p class="muted">此诉求当前没有等待您的操作。</p>
            )}
            {handedOff ? null : (
              <button type="button" class="secondary" onClick={load.reload} disabled={load.loading}>
                刷新
              </button>
            )}
          </Section>
          <Section title="办理经过">
            <ol class="timeline">
              {view.timeline.map((t, i) => (
                <li key={i}>
                  <span class="at">{when(t.at)}</span> <strong>{ACTOR_NAMES[t.actor]}</strong>：{STATUS_NAMES[t.status]}
                  {t.note ? <div>{t.note}</div> : null}
                </li>
              ))}
            </ol>
          </Section>
        </>
      ) : null}
    </Shell>
  );
}
