import { api, ok } from '../../api/client';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { VOLUNTEER_NAV } from './nav';
import { POINT_REASONS } from './words';
import './volunteer.css';

/** /volunteer/points: my points as credited, their total, and my hours of visits. */
export function MyPoints({ who }: { who?: Identity | undefined }) {
  const volunteerId = who?.volunteerId ?? '';
  const points = useLoad(() => ok(api().GET('/v1/volunteers/{volunteerId}/points', { params: { path: { volunteerId } } })), [volunteerId]);
  const data = points.data;
  return (
    <Shell title="我的积分" who={who} nav={VOLUNTEER_NAV}>
      <Loading when={points.loading} />
      <Problem text={points.error} />
      {data ? (
        <>
          <div class="totals">
            <p class="total">
              <span class="muted">累计积分</span>
              <strong>{data.total}</strong>
            </p>
            <p class="total">
              <span class="muted">探访时长</span>
              <strong>{data.hours} 小时</strong>
            </p>
          </div>
          <p class="small muted">每次完成探访 10 分，每个确认完成的心愿 15 分；时长按签到到签退计算，不超过探访时段。</p>
          <Section title="积分明细">
            {data.entries.length === 0 ? <p class="muted">还没有积分记录。</p> : null}
            <ul class="list">
              {[...data.entries].reverse().map((e) => (
                <li key={`${e.reason}-${e.ref}-${e.at}`}>
                  <div class="row">
                    <span>
                      {POINT_REASONS[e.reason] ?? e.reason} <span class="muted small">{e.ref}</span>
                    </span>
                    <strong>+{e.points}</strong>
                  </div>
                  <p class="small muted">{when(e.at)}</p>
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </Shell>
  );
}
