import { useMemo, useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { syncClock, serverNow } from '../../ui/clock';
import { Field, Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { Chart, type ChartOption } from './chart';
import {
  DIMENSION_NAMES,
  PERIOD_NAMES,
  SMALL_SAMPLE,
  SMALL_SAMPLE_NOTE,
  download,
  lastMonths,
  loadMetrics,
  loadNames,
  metricsCsv,
  nameOf,
  percent,
  periodRange,
  shanghaiDay,
  smallSample,
  totals,
  type Dimension,
  type MetricRow,
  type Period,
} from './metrics';
import { adminNav } from './nav';
import './admin.css';

const RATE_COLOURS = ['#0a58ca', '#116329', '#b3261e'];

function rateBars(rows: MetricRow[], name: (key: string) => string): ChartOption {
  const labels = rows.map((r) => `${name(r.key)}${smallSample(r) ? '*' : ''}`);
  const series = (label: string, pick: (r: MetricRow) => number | null, color: string) => ({
    name: label,
    type: 'bar' as const,
    itemStyle: { color },
    data: rows.map((r) => (pick(r) === null ? null : Math.round(pick(r)! * 1000) / 10)),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [series('响应率', (r) => r.responseRate, RATE_COLOURS[0]!), series('办结率', (r) => r.resolutionRate, RATE_COLOURS[1]!), series('满意率', (r) => r.satisfactionRate, RATE_COLOURS[2]!)],
  };
}

function trendLines(months: Array<{ label: string; total: MetricRow }>): ChartOption {
  const line = (label: string, pick: (r: MetricRow) => number | null, color: string) => ({
    name: label,
    type: 'line' as const,
    itemStyle: { color },
    connectNulls: false,
    data: months.map((m) => (pick(m.total) === null ? null : Math.round(pick(m.total)! * 1000) / 10)),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.label) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [line('响应率', (r) => r.responseRate, RATE_COLOURS[0]!), line('办结率', (r) => r.resolutionRate, RATE_COLOURS[1]!), line('满意率', (r) => r.satisfactionRate, RATE_COLOURS[2]!)],
  };
}

function RateCell({ rate, base }: { rate: number | null; base: number }) {
  return <td class={base > 0 && base < SMALL_SAMPLE ? 'num thin' : 'num'}>{percent(rate)}</td>;
}

function MetricsTable({ rows, name, keyHeader, withTotal, caption }: { rows: MetricRow[]; name: (key: string) => string; keyHeader: string; withTotal: boolean; caption: string }) {
  const total = totals(rows);
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="metrics">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" class="num">受理</th>
            <th scope="col" class="num">响应</th>
            <th scope="col" class="num">办结</th>
            <th scope="col" class="num">评价</th>
            <th scope="col" class="num">满意</th>
            <th scope="col" class="num">响应率</th>
            <th scope="col" class="num">办结率</th>
            <th scope="col" class="num">满意率</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {name(r.key)}
                {smallSample(r) ? <span class="badge thin-badge">样本不足</span> : null}
              </th>
              <td class="num">{r.received}</td>
              <td class="num">{r.responded}</td>
              <td class="num">{r.resolved}</td>
              <td class="num">{r.rated}</td>
              <td class="num">{r.satisfied}</td>
              <RateCell rate={r.responseRate} base={r.received} />
              <RateCell rate={r.resolutionRate} base={r.received} />
              <RateCell rate={r.satisfactionRate} base={r.rated} />
            </tr>
          ))}
        </tbody>
        {withTotal && rows.length ? (
          <tfoot>
            <tr>
              <th scope="row">
                合计{smallSample(total) ? <span class="badge thin-badge">样本不足</span> : null}
              </th>
              <td class="num">{total.received}</td>
              <td class="num">{total.responded}</td>
              <td class="num">{total.resolved}</td>
              <td class="num">{total.rated}</td>
              <td class="num">{total.satisfied}</td>
              <RateCell rate={total.responseRate} base={total.received} />
              <RateCell rate={total.resolutionRate} base={total.received} />
              <RateCell rate={total.satisfactionRate} base={total.rated} />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The centre's dashboard: the three rates by grid, department or category, their trend, CSV export. */
export function Dashboard({ who }: { who?: Identity | undefined }) {
  const [by, setBy] = useState<Dimension>('grid');
  const [period, setPeriod] = useState<Period>('30d');
  const today = useLoad(async () => {
    await syncClock();
    return shanghaiDay(serverNow());
  });
  const names = useLoad(loadNames);
  const range = today.data ? periodRange(period, today.data) : undefined;
  const metrics = useLoad(async () => (range ? loadMetrics(range.from, range.to, by) : undefined), [range?.from, range?.to, by]);
  const trend = useLoad(async () => {
    if (!today.data) return undefined;
    const months = lastMonths(6, today.data);
    const rows = await Promise.all(months.map((m) => loadMetrics(m.from, m.to, 'grid')));
    return months.map((m, i) => ({ label: m.label, total: totals(rows[i]!) }));
  }, [today.data]);
  const name = nameOf(by, names.data);
  const rows = metrics.data ?? [];
  const bars = useMemo(() => rateBars(rows, name), [metrics.data, names.data]);
  const lines = useMemo(() => (trend.data ? trendLines(trend.data) : undefined), [trend.data]);
  const caption = range ? `${PERIOD_NAMES[period]}（${range.from} 至 ${range.to}）按${DIMENSION_NAMES[by]}统计` : '';

  const exportCsv = () => {
    if (!range) return;
    download(metricsCsv(by, rows, name), `三率统计-${DIMENSION_NAMES[by]}-${range.from}至${range.to}.csv`);
  };

  return (
    <Shell title="三率总览" who={who} nav={adminNav()}>
      <div class="admin">
        <Problem text={today.error ?? names.error} />
        <div class="filters">
          <Field label="统计维度">
            <select value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value as Dimension)}>
              {(Object.keys(DIMENSION_NAMES) as Dimension[]).map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_NAMES[d]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="统计期间" hint="按诉求受理日期（北京时间）">
            <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as Period)}>
              {(Object.keys(PERIOD_NAMES) as Period[]).map((p) => (
                <option key={p} value={p}>
                  {PERIOD_NAMES[p]}
                </option>
              ))}
            </select>
          </Field>
          <div class="filter-action">
            <button type="button" class="secondary" onClick={exportCsv} disabled={!metrics.data}>
              导出 CSV
            </button>
          </div>
        </div>
        <Section title={`按${DIMENSION_NAMES[by]}的三率`}>
          <Loading when={metrics.loading} />
          <Problem text={metrics.error} />
          {metrics.data && !rows.length ? <p class="muted">该期间没有受理诉求。</p> : null}
          {rows.length ? (
            <>
              <Chart option={bars} caption={`${caption}；带 * 的为样本不足（数据见下表）`} height={320} />
              <MetricsTable rows={rows} name={name} keyHeader={DIMENSION_NAMES[by]} withTotal={by === 'grid'} caption={caption} />
              <p class="note" id="small-sample-note">
                <span class="badge thin-badge">样本不足</span> {SMALL_SAMPLE_NOTE}
              </p>
              {by === 'department' ? <p class="muted">按部门统计时，一件诉求转派过的每个部门都计一次受理，故各部门之和可大于总数。</p> : null}
            </>
          ) : null}
        </Section>
        <Section title="近 6 个月趋势（全区）">
          <Loading when={trend.loading} />
          <Problem text={trend.error} />
          {trend.data && lines ? (
            <>
              <Chart option={lines} caption="每月受理诉求的三率（数据见下表）" />
              <MetricsTable rows={trend.data.map((m) => ({ ...m.total, key: m.label }))} name={(k) => k} keyHeader="月份" withTotal={false} caption="各月合计" />
            </>
          ) : null}
        </Section>
      </div>
    </Shell>
  );
}
