import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

export type Dimension = 'grid' | 'department' | 'category';
export const DIMENSION_NAMES: Record<Dimension, string> = { grid: '网格', department: '部门', category: '诉求类别' };

/** One row of GET /v1/metrics, as the API's own document types it. */
export type MetricRow = paths['/v1/metrics']['get']['responses'][200]['content']['application/json'][number];

/**
 * Below this many cases a rate says little (one case moves it by 10 % or more): the response and
 * resolution rates are read against `received`, the satisfaction rate against `rated`.
 */
export const SMALL_SAMPLE = 10;
/** A row with some cases but too few for its rates to mean much (a row of none has no rates at all). */
export const smallSample = (r: MetricRow) => r.received > 0 && (r.received < SMALL_SAMPLE || r.rated < SMALL_SAMPLE);
export const SMALL_SAMPLE_NOTE = `样本不足：受理少于 ${SMALL_SAMPLE} 件时的响应率、办结率，或评价少于 ${SMALL_SAMPLE} 件时的满意率，一两件诉求就能让比率大起大落，仅供参考，不宜据此排名或考核。这些行照常列出，不作隐藏。`;

export function loadMetrics(from: string, to: string, by: Dimension): Promise<MetricRow[]> {
  return ok(api().GET('/v1/metrics', { params: { query: { from, to, by } } }));
}

/** Calendar days as the API reads them (Asia/Shanghai), computed on UTC dates that stand for days. */
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
export const shanghaiDay = (ms: number) => dayFmt.format(new Date(ms));
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => asDay(new Date(asDate(day).getTime() + n * 86_400_000));

export type Period = '30d' | 'month' | '90d' | '365d';
export const PERIOD_NAMES: Record<Period, string> = { month: '本月', '30d': '近 30 天', '90d': '近 90 天', '365d': '近一年' };

export function periodRange(period: Period, today: string): { from: string; to: string } {
  if (period === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const days = { '30d': 30, '90d': 90, '365d': 365 }[period];
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The last `n` calendar months up to today's, oldest first; the current one ends today. */
export function lastMonths(n: number, today: string): Array<{ label: string; from: string; to: string }> {
  const d = asDate(today);
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (n - 1 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const to = i === n - 1 ? today : asDay(end);
    return { label: `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月`, from: asDay(start), to };
  });
}

/** Every case carries exactly one grid (or "unrouted"): the grid rows add up to the district's totals. */
export function totals(rows: MetricRow[]): MetricRow {
  const sum = (k: 'received' | 'responded' | 'resolved' | 'rated' | 'satisfied') => rows.reduce((s, r) => s + r[k], 0);
  const t = { key: '合计', received: sum('received'), responded: sum('responded'), resolved: sum('resolved'), rated: sum('rated'), satisfied: sum('satisfied') };
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return { ...t, responseRate: rate(t.responded, t.received), resolutionRate: rate(t.resolved, t.received), satisfactionRate: rate(t.satisfied, t.rated) };
}

export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_HEADER = ['维度', '编号', '名称', '受理', '响应', '办结', '评价', '满意', '响应率(%)', '办结率(%)', '满意率(%)', '样本不足'];

/** The table as shown, as CSV: UTF-8 with a byte-order mark, so Excel reads the Chinese as Chinese. */
export function metricsCsv(by: Dimension, rows: MetricRow[], name: (key: string) => string): Blob {
  const pct = (r: number | null) => (r === null ? '' : (r * 100).toFixed(1));
  const lines = [
    CSV_HEADER,
    ...rows.map((r) => [DIMENSION_NAMES[by], r.key, name(r.key), r.received, r.responded, r.resolved, r.rated, r.satisfied, pct(r.responseRate), pct(r.resolutionRate), pct(r.satisfactionRate), smallSample(r) ? '是' : '否']),
  ];
  return new Blob(['\ufeff', lines.map((l) => l.map(csvField).join(',')).join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Names for the keys the API counts by: grids, departments and categories from the reference data. */
export async function loadNames(): Promise<{ grids: Map<string, string>; departments: Map<string, string>; categories: Map<string, string> }> {
  const [grids, departments, categories] = await Promise.all([ok(api().GET('/v1/grids')), ok(api().GET('/v1/departments')), ok(api().GET('/v1/categories'))]);
  return {
    grids: new Map(grids.map((g) => [g.gridId, g.name])),
    departments: new Map(departments.map((d) => [d.departmentId, d.name])),
    categories: new Map(categories.map((c) => [c.code, c.name])),
  };
}

export function nameOf(by: Dimension, names: Awaited<ReturnType<typeof loadNames>> | undefined) {
  return (key: string) => {
    if (key === 'unrouted') return '未定网格';
    if (by === 'grid') return names?.grids.get(key) ?? key;
    if (by === 'category') return names?.categories.get(key) ?? key;
    return names?.departments.get(key) ?? key;
  };
}
