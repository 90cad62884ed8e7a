import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem, explain } from '../../api/problem';
import type { Identity } from '../../auth/identity';
import { navigate } from '../../router';
import { Shell } from '../../shell';
import { serverNow } from '../../ui/clock';
import { timeLeft, when } from '../../ui/format';
import { Done, Link, Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { describe, FormField } from './form-field';
import { normaliseCaseId, normaliseCode, trackingCodes } from './tracking';
import { ACTOR_FOR_RESIDENT, CLOSURE_FOR_RESIDENT, noteForResident, RATINGS, STATUS_FOR_RESIDENT, STEP_FOR_RESIDENT, THANKS, type CaseView, type Rating } from './words';
import './resident.css';

const WRONG_CODE = '诉求编号或查询码不正确，请核对短信中的编号和查询码后重试。';

/**
 * /track, /track/:caseId and /t/:caseId (the short path a text can carry: the case id only). The
 * tracking code is typed in (or kept from the report) and lives only in this tab's sessionStorage.
 */
export function TrackScreen({ caseId, who }: { caseId?: string | undefined; who?: Identity | undefined }) {
  const [code, setCode] = useState(() => (caseId ? trackingCodes.get(caseId) : undefined));
  const [refused, setRefused] = useState<string>();
  // The short path from a text becomes the page's own address (nothing secret in either).
  useEffect(() => {
    if (caseId && location.pathname.startsWith('/t/')) history.replaceState(null, '', `/track/${encodeURIComponent(caseId)}`);
  }, [caseId]);
  if (!caseId || !code) {
    const enter = (id: string, entered: string) => {
      trackingCodes.save(id, entered);
      setRefused(undefined);
      if (id === caseId) setCode(entered);
      else navigate(`/track/${encodeURIComponent(id)}`);
    };
    return (
      <Shell title="查询办理进度" who={who}>
        <TrackForm caseId={caseId} problem={refused} onEnter={enter} />
      </Shell>
    );
  }
  const wrongCode = () => {
    trackingCodes.forget(caseId);
    setCode(undefined);
    setRefused(WRONG_CODE);
  };
  return (
    <Shell title="办理进度" who={who}>
      <CaseProgress caseId={caseId} code={code} onWrongCode={wrongCode} />
    </Shell>
  );
}

function TrackForm({ caseId, problem, onEnter }: { caseId?: string | undefined; problem?: string | undefined; onEnter: (caseId: string, code: string) => void }) {
  const [id, setId] = useState(caseId ?? '');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<{ id?: string; code?: string }>({});
  const codeInput = useRef<HTMLInputElement>(null);
  // Arriving from a text with the case id, or after a wrong code: the code is what is left to type.
  useEffect(() => {
    if (caseId) codeInput.current?.focus();
  }, [caseId, problem]);
  const submit = (e: Event) => {
    e.preventDefault();
    const next = { ...(normaliseCaseId(id) ? {} : { id: '请填写诉求编号' }), ...(normaliseCode(code) ? {} : { code: '请填写查询码' }) };
    setMissing(next);
    if (next.id || next.code) return;
    onEnter(normaliseCaseId(id), normaliseCode(code));
  };
  return (
    <form class="card" noValidate onSubmit={submit}>
      <p class="muted r-small">诉求编号和查询码在提交诉求后的页面和短信里（查询码只在短信和提交页面出现，请勿告诉他人）。</p>
      <Problem text={problem} />
      <FormField id="track-case" label="诉求编号" hint="如 261123-AB3CD" error={missing.id}>
        <input {...describe('track-case', { hint: true, error: missing.id })} type="text" autocomplete="off" autoCapitalize="characters" spellcheck={false} maxLength={20} value={id} onInput={(e) => setId(e.currentTarget.value)} />
      </FormField>
      <FormField id="track-code" label="查询码" hint="10 位字母和数字" error={missing.code}>
        <input
          ref={codeInput}
          {...describe('track-code', { hint: true, error: missing.code })}
          type="text"
          autocomplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={20}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </FormField>
      <div class="actions">
        <button type="submit" class="primary r-wide">
          查询
        </button>
      </div>
    </form>
  );
}

async function nameLists() {
  // Names only make the page kinder; without them it shows the codes.
  const [categories, departments, grids] = await Promise.all([
    ok(api().GET('/v1/categories')).catch(() => []),
    ok(api().GET('/v1/departments')).catch(() => []),
    ok(api().GET('/v1/grids')).catch(() => []),
  ]);
  return {
    category: new Map(categories.map((c) => [c.code, c.name])),
    department: new Map(departments.map((d) => [d.departmentId, d.name])),
    grid: new Map(grids.map((g) => [g.gridId, `${g.communityName} ${g.name}`])),
  };
}

function CaseProgress({ caseId, code, onWrongCode }: { caseId: string; code: string; onWrongCode: () => void }) {
  const names = useLoad(nameLists, []);
  const view = useLoad(async () => {
    try {
      return await ok(api().GET('/v1/cases/{caseId}', { params: { path: { caseId } }, headers: { 'x-tracking-code': code } }));
    } catch (err) {
      // A wrong code and an unknown case look the same (so ids cannot be probed); a malformed id is just as wrong.
      if (err instanceof ApiProblem && (err.status === 404 || err.status === 400)) onWrongCode();
      throw err;
    }
  }, [caseId, code]);
  const [thanks, setThanks] = useState<string>();
  const c = view.data;
  return (
    <>
      <Loading when={view.loading && !c} />
      <Problem text={view.error} />
      {view.error && !c ? (
        <button type="button" class="secondary" onClick={view.reload}>
          重试
        </button>
      ) : null}
      {c ? (
        <>
          <Summary view={c} categoryName={names.data?.category.get(c.category)} departmentName={c.departmentId ? names.data?.department.get(c.departmentId) : undefined} gridName={c.gridId ? names.data?.grid.get(c.gridId) : undefined} />
          <Done text={thanks} />
          {c.status === 'feedback' && !thanks ? (
            <RateCase
              caseId={caseId}
              code={code}
              onRated={(rating) => {
                setThanks(THANKS[rating]);
                view.reload();
              }}
              onRefused={view.reload}
            />
          ) : null}
          <Section title="办理经过">
            <ol class="timeline r-resident-timeline">
              {residentTimeline(c.timeline).map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <span class="r-small muted">
                    <time dateTime={e.at}>{when(e.at)}</time> · {ACTOR_FOR_RESIDENT[e.actor]}
                  </span>
                  {e.actor === 'resident' && e.status === 'submitted' ? (
                    <>
                      <strong>提交诉求</strong>
                      <span class="r-small">{noteForResident(e.note)}</span>
                    </>
                  ) : (
                    <strong>{e.note ? noteForResident(e.note) : STEP_FOR_RESIDENT[e.status]}</strong>
                  )}
                </li>
              ))}
            </ol>
          </Section>
          <div class="actions">
            <button type="button" class="secondary" disabled={view.loading} onClick={view.reload}>
              {view.loading ? '正在刷新…' : '刷新进度'}
            </button>
            <Link to="/track" class="r-button-secondary">
              查询其他诉求
            </Link>
          </div>
        </>
      ) : null}
    </>
  );
}

/**
 * Newest first, and only the newest of the system's "waiting for …" entries (what the case waits for
 * now): the others only repeat what the next person's entry says was done.
 */
function residentTimeline(timeline: CaseView['timeline']): CaseView['timeline'] {
  const newestFirst = [...timeline].reverse();
  return newestFirst.filter((e, i) => i === 0 || e.actor !== 'system' || !/^(继续)?等待/.test(e.note));
}

function Summary({ view, categoryName, departmentName, gridName }: { view: CaseView; categoryName?: string | undefined; departmentName?: string | undefined; gridName?: string | undefined }) {
  const left = timeLeft(view.dueAt, serverNow());
  const closed = view.status === 'closed';
  return (
    <section class="card r-status-card" aria-labelledby="status-heading">
      <p class="r-small muted">诉求编号 {view.caseId}</p>
      <h2 id="status-heading" class="r-status-now">
        {STATUS_FOR_RESIDENT[view.status]}
      </h2>
      <dl class="r-facts-list">
        <dt>问题类别</dt>
        <dd>{categoryName ?? view.category}</dd>
        {gridName ? (
          <>
            <dt>所在网格</dt>
            <dd>{gridName}</dd>
          </>
        ) : null}
        {departmentName ? (
          <>
            <dt>承办部门</dt>
            <dd>{departmentName}</dd>
          </>
        ) : null}
        <dt>提交时间</dt>
        <dd>{when(view.createdAt)}</dd>
        {closed ? null : (
          <>
            <dt>办理时限</dt>
            <dd>
              {when(view.dueAt)} 前（{left.overdue ? <span class="r-late">{left.text}，已督办</span> : left.text}）
            </dd>
          </>
        )}
        {view.closure ? (
          <>
            <dt>办理结果</dt>
            <dd>
              {CLOSURE_FOR_RESIDENT[view.closure.code]}
              {view.closure.note ? `：${view.closure.note}` : ''}
            </dd>
          </>
        ) : null}
        {view.reopenCount > 0 ? (
          <>
            <dt>重新办理</dt>
            <dd>{view.reopenCount} 次</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function RateCase({ caseId, code, onRated, onRefused }: { caseId: string; code: string; onRated: (rating: Rating) => void; onRefused: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const rate = async (rating: Rating) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const body = { type: 'feedback' as const, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      await ok(api().POST('/v1/cases/{caseId}/actions', { params: { path: { caseId } }, headers: { 'x-tracking-code': code }, body }));
      onRated(rating);
    } catch (err) {
      setProblem(explain(err));
      if (err instanceof ApiProblem && err.status === 409) onRefused();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card r-rate" aria-labelledby="rate-heading">
      <h2 id="rate-heading">您对办理结果满意吗？</h2>
      <p class="r-small">选“满意”或“基本满意”，诉求将结案；选“不满意”，诉求将重新派给部门办理，办好后会再请您评价。</p>
      <FormField id="rate-comment" label="想说的话" optional>
        <textarea id="rate-comment" maxLength={500} rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </FormField>
      <Problem text={problem} />
      <div class="r-ratings" role="group" aria-label="评价">
        {RATINGS.map((r) => (
          <button key={r.rating} type="button" class={r.rating === 'dissatisfied' ? 'secondary' : 'primary'} disabled={busy} onClick={() => void rate(r.rating)}>
            {r.label}
          </button>
        ))}
      </div>
    </section>
  );
}
