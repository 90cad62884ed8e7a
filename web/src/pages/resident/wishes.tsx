import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Link, Loading, Problem } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { WISH_GROUP_NAMES } from './words';
import './resident.css';

type Wish = operations['listPublishedWishes']['responses'][200]['content']['application/json']['items'][number];

const PAGE = 10;

/** /wishes: the published wishes, as anyone may see them (the API leaves out names, phones and addresses). */
export function WishesScreen({ who }: { who?: Identity | undefined }) {
  const grids = useLoad(() => ok(api().GET('/v1/grids')).catch(() => []), []);
  const [wishes, setWishes] = useState<Wish[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState<{ loading: boolean; error?: string; loaded: boolean }>({ loading: true, loaded: false });
  const load = async (after?: string) => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const page = await ok(api().GET('/v1/wishes', { params: { query: { status: 'published', limit: PAGE, ...(after ? { cursor: after } : {}) } } }));
      setWishes((w) => (after ? [...w, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState({ loading: false, loaded: true });
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: explain(err) }));
    }
  };
  useEffect(() => void load(), []);
  const gridName = (gridId: string) => {
    const g = grids.data?.find((x) => x.gridId === gridId);
    return g ? `${g.communityName} ${g.name}` : gridId;
  };
  return (
    <Shell title="微心愿" who={who}>
      <p class="lead">社区里老人、孩子和困难家庭的小心愿。志愿者登录后可以认领，由网格员对接送达。</p>
      <p class="r-small muted">
        为保护受助人，这里不显示姓名、电话和住址。想成为志愿者，请联系所在社区网格员；已登记的志愿者请
        <Link to="/signin?next=%2Fvolunteer%2Fwishes">登录后认领</Link>。
      </p>
      <Loading when={state.loading && !state.loaded} />
      {state.loaded && wishes.length === 0 ? <p class="card muted">暂时没有待认领的心愿。</p> : null}
      {wishes.length ? (
        <ul class="r-wish-cards" aria-label="待认领的心愿">
          {wishes.map((w) => (
            <li key={w.wishId} class="card">
              <div class="row">
                <h2 class="r-wish-title">{w.title}</h2>
                <span class="badge">{WISH_GROUP_NAMES[w.group]}</span>
              </div>
              <p class="r-small">
                {w.category} · {gridName(w.gridId)}
              </p>
              <p class="r-small muted">
                还需 {w.placesLeft} 位志愿者{w.estimatedCost !== undefined ? ` · 约 ${w.estimatedCost} 元` : ''}
                {w.deadline ? ` · ${when(w.deadline)} 前完成` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <Problem text={state.error} />
      {cursor || (state.error && !state.loading) ? (
        <div class="actions">
          <button type="button" class="secondary r-wide" disabled={state.loading} onClick={() => void load(state.loaded ? cursor : undefined)}>
            {state.loading ? '加载中…' : state.error ? '重试' : '加载更多'}
          </button>
        </div>
      ) : null}
    </Shell>
  );
}
