import type { MetricsQuery } from '../../contracts/http/metrics';
import type { StaffActor } from '../../domain/actor';
import { isCentre, requirePermission } from '../../domain/policy';
import { ValidationError } from '../../errors';
import type { Ports } from '../ports';

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/**
 * `GET /v1/metrics`: the three rates by grid, department or category for cases received between two
 * days (Asia/Shanghai), from counters kept as cases move: no case is read.
 */
export async function caseMetrics(deps: Pick<Ports, 'cases'>, actor: StaffActor, query: MetricsQuery) {
  requirePermission(isCentre(actor), '仅指挥中心可查看统计');
  if (Date.parse(query.to) - Date.parse(query.from) > 366 * 86400_000) throw new ValidationError('统计区间不能超过一年', { to: '区间过长' });
  const rows = await deps.cases.metrics(query.by, query.from, query.to);
  return rows.map((r) => ({
    ...r,
    responseRate: rate(r.responded, r.received),
    resolutionRate: rate(r.resolved, r.received),
    satisfactionRate: rate(r.satisfied, r.rated),
  }));
}
