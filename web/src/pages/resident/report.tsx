import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem, explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { navigate } from '../../router';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Loading, Problem } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { describe, FormField } from './form-field';
import { newReportKey, trackingCodes } from './tracking';
import './resident.css';

type Report = operations['createCase']['requestBody']['content']['application/json'];
type Submitted = operations['createCase']['responses'][201]['content']['application/json'];
type Category = operations['listCategories']['responses'][200]['content']['application/json'][number];
type Grid = { gridId: string; name: string; communityName: string };

/** The fields the form shows an error under, and which of the API's field paths land on each. */
const FIELD_OF = (path: string): string =>
  path === 'category' ? 'category' : path === 'description' ? 'description' : path.startsWith('location') ? 'location' : path === 'reporter.phone' ? 'phone' : path === 'reporter.name' ? 'name' : 'form';

const FIELD_ORDER = ['category', 'description', 'location', 'phone', 'name'];

/** What to do about each field the API refused, in a resident's words (the API's own are a developer's). */
const FIX: Record<string, string> = {
  category: '请选择问题类别',
  description: '请描述遇到的问题，2 至 2000 字',
  location: '请选择所在网格、填写地址或使用您的位置，至少一项',
  phone: '请填写 11 位手机号',
  name: '称呼请在 50 字以内',
};

function groupBy<T>(items: T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

type Position = { lat: number; lng: number; accuracy: number };

/** "使用我的位置": the browser's position, or a polite sentence when it is refused or unavailable. */
function useMyPosition() {
  const [state, setState] = useState<{ busy: boolean; position?: Position; problem?: string }>({ busy: false });
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setState({ busy: false, problem: '此浏览器无法获取位置，请选择网格或填写地址。' });
      return;
    }
    setState({ busy: true });
    navigator.geolocation.getCurrentPosition(
      (p) => setState({ busy: false, position: { lat: Number(p.coords.latitude.toFixed(6)), lng: Number(p.coords.longitude.toFixed(6)), accuracy: Math.round(p.coords.accuracy) } }),
      (err) =>
        setState({
          busy: false,
          problem:
            err.code === err.PERMISSION_DENIED
              ? '您没有允许本网站获取位置，没关系：请选择所在网格或填写地址。'
              : err.code === err.TIMEOUT
                ? '获取位置超时，请重试，或选择网格、填写地址。'
                : '暂时无法获取您的位置，请选择网格或填写地址。',
        }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return { ...state, locate, clear: () => setState({ busy: false }) };
}

/** /report: a resident's report, no account needed; on success the case id and tracking code, big. */
export function ReportScreen({ who }: { who?: Identity | undefined }) {
  const reference = useLoad(() => Promise.all([ok(api().GET('/v1/categories')), ok(api().GET('/v1/grids'))]), []);
  const [submitted, setSubmitted] = useState<Submitted>();
  // One key per report: a double tap or a retry after a lost answer returns the same case.
  const [key, setKey] = useState(newReportKey);
  const again = () => {
    setSubmitted(undefined);
    setKey(newReportKey());
  };
  return (
    <Shell title={submitted ? '诉求已提交' : '我要反映问题'} who={who}>
      <Loading when={reference.loading} />
      {reference.error ? (
        <div class="card">
          <Problem text={reference.error} />
          <button type="button" class="secondary" onClick={reference.reload}>
            重试
          </button>
        </div>
      ) : null}
      {submitted ? <Receipt submitted={submitted} onAgain={again} /> : reference.data ? <ReportForm key={key} idempotencyKey={key} categories={reference.data[0]} grids={reference.data[1]} onSubmitted={setSubmitted} /> : null}
    </Shell>
  );
}

function ReportForm({ idempotencyKey, categories, grids, onSubmitted }: { idempotencyKey: string; categories: Category[]; grids: Grid[]; onSubmitted: (s: Submitted) => void }) {
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [gridId, setGridId] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const here = useMyPosition();
  const form = useRef<HTMLFormElement>(null);
  const chosen = categories.find((c) => c.code === category);
  const categoryGroups = useMemo(() => groupBy(categories, (c) => c.group), [categories]);
  const gridGroups = useMemo(() => groupBy(grids, (g) => g.communityName), [grids]);

  // After a refusal, the first field in error takes the focus: on a phone it may be far above the button.
  useEffect(() => {
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#report-${first}`)?.focus();
  }, [errors]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setProblem(undefined);
    const body: Report = {
      category,
      description,
      location: {
        ...(gridId ? { gridId } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(here.position ? { lat: here.position.lat, lng: here.position.lng } : {}),
      },
      reporter: { phone: phone.trim(), ...(!anonymous && name.trim() ? { name: name.trim() } : {}) },
      channel: 'web',
      anonymous,
    };
    try {
      const created = await ok(api().POST('/v1/cases', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
      if (created.trackingCode) trackingCodes.save(created.caseId, created.trackingCode);
      onSubmitted(created);
    } catch (err) {
      const fields = err instanceof ApiProblem ? err.fields : undefined;
      const mine: Record<string, string> = {};
      for (const [path, message] of Object.entries(fields ?? {})) {
        const field = FIELD_OF(path);
        mine[field] ??= FIX[field] ?? message;
      }
      setErrors(mine);
      setProblem(fields && Object.keys(fields).length ? `${mine.form ?? '有几项需要修改'}，请按提示修改后再提交。` : explain(err));
    } finally {
      setBusy(false);
    }
  };

  const locationError = errors.location;
  return (
    <form ref={form} class="card r-report" noValidate onSubmit={(e) => void submit(e)} aria-describedby="report-intro">
      <p id="report-intro" class="muted r-small">
        不需要注册。提交后会得到诉求编号和查询码，凭它们查询办理进度、办结后评价。
      </p>
      <FormField id="report-category" label="问题类别" error={errors.category}>
        <select {...describe('report-category', { error: errors.category })} required value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">请选择</option>
          {categoryGroups.map(([group, items]) => (
            <optgroup key={group} label={group}>
              {items.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </FormField>
      {chosen?.priority === 'emergency' ? (
        <p class="r-urgent" role="note">
          如有人身危险或正在发生险情，请先拨打 110、119 或 120。
        </p>
      ) : null}
      <FormField id="report-description" label="问题描述" hint="发生了什么、从什么时候开始、影响到谁（2–2000 字）" error={errors.description}>
        <textarea {...describe('report-description', { hint: true, error: errors.description })} required maxLength={2000} rows={5} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </FormField>

      <fieldset class={locationError ? 'r-where r-invalid' : 'r-where'} aria-describedby={locationError ? 'report-location-hint report-location-error' : 'report-location-hint'}>
        <legend>问题地点</legend>
        <p class="hint" id="report-location-hint">
          以下三种方式至少选一种，网格员会据此上门核实。
        </p>
        <FormField id="report-location" label="所在网格" optional>
          <select id="report-location" aria-invalid={locationError ? true : undefined} value={gridId} onChange={(e) => setGridId(e.currentTarget.value)}>
            <option value="">不清楚 / 不选择</option>
            {gridGroups.map(([community, items]) => (
              <optgroup key={community} label={community}>
                {items.map((g) => (
                  <option key={g.gridId} value={g.gridId}>
                    {g.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FormField>
        <FormField id="report-address" label="详细地址" optional hint="如：金水苑3号楼2单元门口">
          <input {...describe('report-address', { hint: true })} type="text" maxLength={200} autocomplete="street-address" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        </FormField>
        <div class="r-locate">
          {here.position ? (
            <p class="done r-small" role="status">
              已获取您的位置（精度约 {here.position.accuracy} 米）。
              <button type="button" class="link" onClick={here.clear}>
                不使用位置
              </button>
            </p>
          ) : (
            <button type="button" class="secondary" disabled={here.busy} onClick={here.locate}>
              {here.busy ? '正在获取位置…' : '使用我的位置'}
            </button>
          )}
          {here.problem ? (
            <p class="r-note r-small" role="status">
              {here.problem}
            </p>
          ) : null}
        </div>
        {locationError ? (
          <p class="r-field-error" id="report-location-error">
            {locationError}
          </p>
        ) : null}
      </fieldset>

      <FormField id="report-phone" label="手机号" hint="必填：用于短信发送查询码和办理进度，不会公开。" error={errors.phone}>
        <input {...describe('report-phone', { hint: true, error: errors.phone })} type="tel" inputMode="tel" autocomplete="tel" required maxLength={20} value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      </FormField>
      <label class="r-check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
        <span>匿名反映（不记录我的姓名；手机号仍用于短信通知）</span>
      </label>
      {anonymous ? null : (
        <FormField id="report-name" label="怎么称呼您" optional error={errors.name}>
          <input {...describe('report-name', { error: errors.name })} type="text" maxLength={50} autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </FormField>
      )}
      <Problem text={problem} />
      <div class="actions">
        <button type="submit" class="primary r-wide" disabled={busy}>
          {busy ? '正在提交…' : '提交诉求'}
        </button>
      </div>
    </form>
  );
}

function Receipt({ submitted, onAgain }: { submitted: Submitted; onAgain: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card r-receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" ref={heading} tabIndex={-1}>
        请保存好诉求编号和查询码
      </h2>
      <dl class="r-codes">
        <dt>诉求编号</dt>
        <dd class="code" data-testid="case-id">
          {submitted.caseId}
        </dd>
        <dt>查询码</dt>
        {submitted.trackingCode ? (
          <dd class="code" data-testid="tracking-code">
            {submitted.trackingCode}
          </dd>
        ) : (
          <dd>已通过短信发送到您的手机</dd>
        )}
      </dl>
      <p class="r-small">
        短信也已发到您的手机。查询进度、办结后评价都需要这两项，查询码请勿告诉他人。应于 <strong>{when(submitted.dueAt)}</strong> 前办结。
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => navigate(`/track/${encodeURIComponent(submitted.caseId)}`)}>
          查看办理进度
        </button>
        <button type="button" class="secondary" onClick={onAgain}>
          再反映一个问题
        </button>
      </div>
    </section>
  );
}
