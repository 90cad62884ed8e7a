import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem, explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { navigate } from '../../router';
import { Shell, type NavItem } from '../../shell';
import { when } from '../../ui/format';
import { Done, Field, Link, Loading, Problem, Section } from '../../ui/kit';
import { useAction, useLoad } from '../../ui/use-load';
import { gridList, gridName } from '../staff/reference';
import { CLAIM_STATUS, WISH_CATEGORIES, WISH_GROUPS, WISH_STATUS, type WishGroup } from './words';
import './volunteer.css';
import { fieldErrors } from '../../ui/field-errors';

type NewWish = operations['submitWish']['requestBody']['content']['application/json'];
type WishAction = operations['actOnWish']['requestBody']['content']['application/json'];

/** The grids whose wishes this person looks after: a grid worker's own, every grid for the centre. */
function useMyGrids(who: Identity | undefined) {
  return useLoad(async () => {
    const all = await gridList();
    return who?.role === 'admin' ? all : all.filter((g) => who?.grids.includes(g.gridId));
  }, [who?.sub]);
}

/** /grid/wishes: the wishes of my grids waiting for me, to vet or to confirm, oldest first. */
export function GridWishes({ who, nav }: { who?: Identity | undefined; nav: NavItem[] }) {
  const grids = useMyGrids(who);
  const waiting = useLoad(async () => {
    const mine = grids.data;
    if (!mine) return undefined;
    const lists = await Promise.all(mine.map((g) => ok(api().GET('/v1/grids/{gridId}/wishes', { params: { path: { gridId: g.gridId } } }))));
    return lists.flat().sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }, [grids.data]);
  const list = waiting.data ?? [];
  return (
    <Shell title="微心愿" who={who} nav={nav}>
      <div class="actions">
        <Link to="/grid/wishes/new" class="button">
          登记新心愿
        </Link>
      </div>
      <Section title="等待我处理">
        <p class="small muted">新登记的心愿审核通过后才会公开；志愿者完成后请与受助人核实并确认。</p>
        <Loading when={grids.loading || waiting.loading} />
        <Problem text={grids.error ?? waiting.error} />
        {waiting.data && list.length === 0 ? <p class="muted">暂无等待审核或确认的心愿。</p> : null}
        <ul class="list">
          {list.map((w) => (
            <li key={w.wishId}>
              <div class="row">
                <Link to={`/grid/wishes/${w.wishId}`}>{w.title}</Link>
                <span class="badge">{w.awaits === 'vet' ? '待审核' : '待确认'}</span>
              </div>
              <p class="small muted">
                {WISH_GROUPS[w.group]} · {w.category} · {gridName(grids.data, w.gridId)} · 登记于 {when(w.submittedAt)}
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </Shell>
  );
}

const blank = { name: '', phone: '', gridId: '', group: 'elder' as WishGroup, category: WISH_CATEGORIES[0]!, title: '', description: '', estimatedCost: '', claimantsNeeded: '1' };

/** /grid/wishes/new: a grid worker registers a wish for a beneficiary of their grid; field errors beside the fields. */
export function NewWish({ who, nav }: { who?: Identity | undefined; nav: NavItem[] }) {
  const grids = useMyGrids(who);
  const [form, setForm] = useState({ ...blank });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));
  const gridId = form.gridId || grids.data?.[0]?.gridId || '';

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setFields({});
    const cost = form.estimatedCost.trim();
    const body: NewWish = {
      beneficiary: { name: form.name, gridId, ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) },
      group: form.group,
      category: form.category,
      title: form.title,
      description: form.description,
      claimantsNeeded: Number(form.claimantsNeeded),
      ...(cost ? { estimatedCost: Number(cost) } : {}),
    };
    try {
      const { wishId } = await ok(api().POST('/v1/wishes', { body }));
      navigate(`/grid/wishes/${wishId}?new=1`);
    } catch (err) {
      setProblem(explain(err));
      if (err instanceof ApiProblem && err.fields) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  };

  const { error, described } = fieldErrors(fields);

  return (
    <Shell title="登记微心愿" who={who} nav={nav}>
      <p class="small muted">受助人的姓名和电话只有本网格工作人员能看到；公开的心愿不含姓名、电话和地址，请勿写进标题和描述。</p>
      <Problem text={problem ?? grids.error} />
      <form class="card form-grid wish-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="受助人姓名">
          <input name="beneficiaryName" autoComplete="off" value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} {...described('beneficiary.name')} />
          {error('beneficiary.name')}
        </Field>
        <Field label="受助人电话（可不填）" hint="11 位手机号；填了可短信确认收到">
          <input name="beneficiaryPhone" type="tel" inputMode="tel" autoComplete="off" value={form.phone} onInput={(e) => set({ phone: e.currentTarget.value })} {...described('beneficiary.phone')} />
          {error('beneficiary.phone')}
        </Field>
        <Field label="所在网格">
          <select name="gridId" value={gridId} onChange={(e) => set({ gridId: e.currentTarget.value })} {...described('beneficiary.gridId')}>
            {(grids.data ?? []).map((g) => (
              <option key={g.gridId} value={g.gridId}>
                {g.name}（{g.communityName}）
              </option>
            ))}
          </select>
          {error('beneficiary.gridId')}
        </Field>
        <Field label="受助群体">
          <select name="group" value={form.group} onChange={(e) => set({ group: e.currentTarget.value as WishGroup })} {...described('group')}>
            {Object.entries(WISH_GROUPS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {error('group')}
        </Field>
        <Field label="类别">
          <select name="category" value={form.category} onChange={(e) => set({ category: e.currentTarget.value })} {...described('category')}>
            {WISH_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {error('category')}
        </Field>
        <Field label="心愿标题" hint="2–40 字，如“想要一台收音机”">
          <input name="title" autoComplete="off" maxLength={40} value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} {...described('title')} />
          {error('title')}
        </Field>
        <div class="wide">
          <Field label="心愿描述" hint="2–500 字：需要什么、为什么">
            <textarea name="description" maxLength={500} value={form.description} onInput={(e) => set({ description: e.currentTarget.value })} {...described('description')} />
            {error('description')}
          </Field>
        </div>
        <Field label="预计费用（元，可不填）">
          <input name="estimatedCost" inputMode="decimal" autoComplete="off" value={form.estimatedCost} onInput={(e) => set({ estimatedCost: e.currentTarget.value })} {...described('estimatedCost')} />
          {error('estimatedCost')}
        </Field>
        <Field label="需要志愿者人数">
          <input name="claimantsNeeded" type="number" min={1} max={20} value={form.claimantsNeeded} onInput={(e) => set({ claimantsNeeded: e.currentTarget.value })} {...described('claimantsNeeded')} />
          {error('claimantsNeeded')}
        </Field>
        <div class="actions wide">
          <button type="submit" class="primary" disabled={busy}>
            提交登记
          </button>
        </div>
      </form>
    </Shell>
  );
}

/** /grid/wishes/:wishId: a wish as its grid's staff see it, with vetting or confirming when it waits for that. */
export function GridWish({ wishId, who, nav, url }: { wishId: string; who?: Identity | undefined; nav: NavItem[]; url: URL }) {
  const wish = useLoad(() => ok(api().GET('/v1/wishes/{wishId}', { params: { path: { wishId } } })), [wishId]);
  const grids = useLoad(() => gridList(), []);
  const [done, setDone] = useState<string | undefined>(url.searchParams.get('new') ? '已登记，等待审核。' : undefined);
  const w = wish.data;
  const changed = (text: string) => {
    setDone(text);
    wish.reload();
  };
  return (
    <Shell title={w ? w.title : '微心愿'} who={who} nav={nav}>
      <Done text={done} />
      <Loading when={wish.loading} />
      <Problem text={wish.error} />
      {w ? (
        <>
          <Section title="心愿信息">
            <dl class="wish-facts">
              <dt>状态</dt>
              <dd>
                <span class="badge" data-testid="wish-status">
                  {WISH_STATUS[w.status]}
                </span>
              </dd>
              <dt>编号</dt>
              <dd>{w.wishId}</dd>
              <dt>受助群体</dt>
              <dd>{WISH_GROUPS[w.group]}</dd>
              <dt>类别</dt>
              <dd>{w.category}</dd>
              <dt>网格</dt>
              <dd>{gridName(grids.data, w.gridId)}</dd>
              <dt>所需人数</dt>
              <dd>
                {w.claimantsNeeded} 人（剩余 {w.placesLeft} 个名额）
              </dd>
              {w.estimatedCost !== undefined ? (
                <>
                  <dt>预计费用</dt>
                  <dd>{w.estimatedCost} 元</dd>
                </>
              ) : null}
              {w.deadline ? (
                <>
                  <dt>完成期限</dt>
                  <dd>{when(w.deadline)}</dd>
                </>
              ) : null}
            </dl>
            <p>{w.description}</p>
            {w.possibleDuplicateOf ? (
              <p class="problem" role="note">
                该受助人另有未完成的心愿（<Link to={`/grid/wishes/${w.possibleDuplicateOf}`}>{w.possibleDuplicateOf}</Link>），请核实是否重复。
              </p>
            ) : null}
          </Section>
          <Section title="认领情况">
            {w.claims.length === 0 ? <p class="muted">暂无志愿者认领。</p> : null}
            <ul class="list">
              {w.claims.map((c) => (
                <li key={c.volunteerId} class="row">
                  <span>志愿者 {c.volunteerId}</span>
                  <span class="badge">{CLAIM_STATUS[c.status]}</span>
                </li>
              ))}
            </ul>
          </Section>
          {w.status === 'submitted' ? <Vet wishId={w.wishId} onDone={changed} /> : null}
          {w.status === 'fulfilled' ? <Confirm wishId={w.wishId} onDone={changed} /> : null}
          {w.status === 'submitted' || w.status === 'published' || w.status === 'claimed' ? <Withdraw wishId={w.wishId} onDone={changed} /> : null}
        </>
      ) : null}
    </Shell>
  );
}

const act = (wishId: string, body: WishAction) => ok(api().POST('/v1/wishes/{wishId}/actions', { params: { path: { wishId } }, body }));

function Vet({ wishId, onDone }: { wishId: string; onDone: (text: string) => void }) {
  const action = useAction();
  const [approved, setApproved] = useState(true);
  const [note, setNote] = useState('');
  return (
    <Section title="审核">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await act(wishId, { type: 'vet', approved, note: note.trim() });
            onDone(approved ? '已审核通过，心愿将公开给志愿者认领。' : '已驳回该心愿。');
          });
        }}
      >
        <fieldset class="choices">
          <legend>审核结果</legend>
          <label class="choice">
            <input type="radio" name="approved" checked={approved} onChange={() => setApproved(true)} />
            通过，公开认领
          </label>
          <label class="choice">
            <input type="radio" name="approved" checked={!approved} onChange={() => setApproved(false)} />
            不通过
          </label>
        </fieldset>
        <Field label="审核意见">
          <textarea name="vetNote" required maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <Problem text={action.error} />
        <button type="submit" class="primary" disabled={action.busy}>
          提交审核
        </button>
      </form>
    </Section>
  );
}

function Confirm({ wishId, onDone }: { wishId: string; onDone: (text: string) => void }) {
  const action = useAction();
  const [note, setNote] = useState('');
  return (
    <Section title="确认完成">
      <p class="small muted">请先与受助人核实已收到帮助，再确认；确认后志愿者获得积分。</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await act(wishId, { type: 'confirm', ...(note.trim() ? { note: note.trim() } : {}) });
            onDone('已确认完成，感谢信和积分将发给志愿者。');
          });
        }}
      >
        <Field label="核实情况（可不填）">
          <textarea name="confirmNote" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <Problem text={action.error} />
        <button type="submit" class="primary" disabled={action.busy}>
          确认已完成
        </button>
      </form>
    </Section>
  );
}

/** Withdraws a wish that is no longer needed (the beneficiary moved, or was helped otherwise); claimants are told by SMS. */
function Withdraw({ wishId, onDone }: { wishId: string; onDone: (text: string) => void }) {
  const action = useAction();
  const [reason, setReason] = useState('');
  return (
    <Section title="撤回心愿">
      <p class="small muted">受助人已不需要时撤回；已认领的志愿者会收到短信通知。</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await act(wishId, { type: 'withdraw', reason: reason.trim() });
            onDone('已撤回该心愿。');
          });
        }}
      >
        <Field label="撤回原因">
          <textarea name="withdrawReason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </Field>
        <Problem text={action.error} />
        <button type="submit" class="secondary" disabled={action.busy}>
          撤回心愿
        </button>
      </form>
    </Section>
  );
}
