import { api, ok } from '../../api/client';
import type { Identity } from '../../auth/identity';
import { Shell, type NavItem } from '../../shell';
import { syncClock } from '../../ui/clock';
import { timeLeft, when } from '../../ui/format';
import { Link, Loading, Problem } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { categoryList, categoryName, gridList, gridName } from './reference';
import { useNow } from './use-now';
import { STEP_NAMES, type WorkItem } from './words';
import './staff.css';

/** What waits for the signed-in grid worker or department, overdue first, then the soonest due. */
export function Worklist({ who, title, nav, hint, wishes = false }: { who?: Identity | undefined; title: string; nav: NavItem[]; hint: string; wishes?: boolean }) {
  const now = useNow();
  const load = useLoad(async () => {
    const [items, categories, grids] = await Promise.all([ok(api().GET('/v1/worklist')), categoryList(), gridList(), syncClock()]);
    return { items: [...items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)), categories, grids };
  });
  const items = load.data?.items ?? [];
  const overdue = items.filter((i) => Date.parse(i.dueAt) < now).length;
  return (
    <Shell title={title} who={who} nav={nav}>
      <div class="row">
        <p class="muted">{hint}</p>
        <button type="button" class="secondary" onClick={load.reload} disabled={load.loading}>
          刷新
        </button>
      </div>
      <Loading when={load.loading && !load.data} />
      <Problem text={load.error} />
      {load.data ? (
        <section class="card" aria-labelledby="worklist-heading">
          <h2 id="worklist-heading">
            共 {items.length} 件{overdue ? `，其中 ${overdue} 件已超时` : ''}
          </h2>
          {items.length ? (
            <ul class="list worklist">
              {items.map((item) => (
                <WorkRow key={`${'caseId' in item ? item.caseId : ''}-${item.step}-${'id' in item ? item.id : ''}`} item={item} now={now} data={load.data!} />
              ))}
            </ul>
          ) : (
            <p class="muted">暂无待办事项。</p>
          )}
        </section>
      ) : null}
      {wishes && who ? <WishesWaiting grids={who.grids} /> : null}
    </Shell>
  );
}

/** The grid's micro-wishes waiting for the grid worker (to vet, to confirm): counted here, handled on the wishes tab. */
function WishesWaiting({ grids }: { grids: string[] }) {
  const load = useLoad(async () => {
    const lists = await Promise.all(grids.map((gridId) => ok(api().GET('/v1/grids/{gridId}/wishes', { params: { path: { gridId } } }))));
    const all = lists.flat();
    return { vet: all.filter((w) => w.awaits === 'vet').length, confirm: all.filter((w) => w.awaits === 'confirm').length };
  }, [grids.join(',')]);
  return (
    <section class="card" aria-labelledby="wishes-heading">
      <h2 id="wishes-heading">微心愿</h2>
      <Problem text={load.error} />
      {load.data ? (
        <p>
          待审核 {load.data.vet} 件，待确认完成 {load.data.confirm} 件。<Link to="/grid/wishes">去处理微心愿</Link>
        </p>
      ) : (
        <Loading when={load.loading} />
      )}
    </section>
  );
}

function WorkRow({ item, now, data }: { item: WorkItem; now: number; data: { categories: Awaited<ReturnType<typeof categoryList>>; grids: Awaited<ReturnType<typeof gridList>> } }) {
  const left = timeLeft(item.dueAt, now);
  if (item.step === 'needs-attention') {
    const kind = { case: '诉求', wish: '微心愿', visit: '探访' }[item.kind];
    return (
      <li class={left.overdue ? 'overdue' : undefined}>
        <div class="row">
          {item.caseId ? <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{`${kind} ${item.id} · 流程异常`}</Link> : <strong>{`${kind} ${item.id} · 流程异常`}</strong>}
          <span class={left.overdue ? 'badge overdue' : 'badge'}>{left.text}</span>
        </div>
        <p class="muted small">自 {when(item.since)} 起停在“{item.failedAt}”，须在 {when(item.dueAt)} 前处理</p>
      </li>
    );
  }
  return (
    <li class={left.overdue ? 'overdue' : undefined}>
      <div class="row">
        <Link to={`/cases/${encodeURIComponent(item.caseId)}`}>{`${categoryName(data.categories, item.category)} · ${STEP_NAMES[item.step]}`}</Link>
        <span class={left.overdue ? 'badge overdue' : 'badge'}>{left.text}</span>
      </div>
      <p class="muted small">
        {item.caseId} · {gridName(data.grids, item.gridId)} · 时限 {when(item.dueAt)}
      </p>
    </li>
  );
}
