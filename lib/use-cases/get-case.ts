import type { CaseRecord, TimelineEntry } from '../domain/case';
import { secretMatches } from '../domain/ids';
import { maskPersonalNumbers } from '../domain/redact';
import type { StaffActor } from '../domain/actor';
import { staffCovers } from '../domain/policy';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Ports } from './ports';

export type CaseViewer = { kind: 'resident'; trackingCode: string } | StaffActor | undefined;

export interface CaseView {
  caseId: string;
  status: CaseRecord['status'];
  category: string;
  priority: string;
  createdAt: string;
  dueAt: string;
  gridId?: string;
  departmentId?: string;
  reopenCount: number;
  closure?: CaseRecord['closure'];
  description?: string;
  timeline: Array<{ at: string; status: string; actor: string; actorId?: string; note: string }>;
}

/**
 * One case as its viewer may see it. A resident proves ownership with the tracking code and sees roles,
 * not staff ids; staff see the case only inside their scope. Not-found and wrong-code look the same
 * to a resident, so case ids cannot be probed.
 */
export async function getCase(deps: Pick<Ports, 'cases'>, caseId: string, viewer: CaseViewer): Promise<CaseView> {
  if (!viewer) throw new UnauthenticatedError('需要登录凭证或查询码');
  const record = await deps.cases.get(caseId);
  if (viewer.kind === 'resident') {
    if (!record || !secretMatches(viewer.trackingCode, record.trackingCodeHash)) throw new NotFoundError('未找到该诉求');
  } else {
    if (!record) throw new NotFoundError('未找到该诉求');
    if (!staffCovers(viewer, record)) throw new ForbiddenError('该诉求不在您的管辖范围');
  }
  const timeline = await deps.cases.timeline(caseId);
  return toView(record, timeline, viewer.kind === 'resident' ? 'resident' : 'staff');
}

function toView(record: CaseRecord, timeline: TimelineEntry[], audience: 'resident' | 'staff'): CaseView {
  // Staff write notes for staff ("已联系物业经理陈建华139…"); a resident sees them with numbers masked.
  const shown = (text: string) => (audience === 'resident' ? maskPersonalNumbers(text) : text);
  return {
    caseId: record.caseId,
    status: record.status,
    category: record.category,
    priority: record.priority,
    createdAt: record.createdAt,
    dueAt: record.dueAt,
    ...(record.gridId ? { gridId: record.gridId } : {}),
    ...(record.departmentId ? { departmentId: record.departmentId } : {}),
    reopenCount: record.reopenCount,
    ...(record.closure ? { closure: { ...record.closure, note: shown(record.closure.note) } } : {}),
    ...(audience === 'staff' ? { description: record.description } : {}),
    timeline: timeline.map((e) => ({
      at: e.at,
      status: e.status,
      actor: e.actor,
      ...(audience === 'staff' && e.actorId ? { actorId: e.actorId } : {}),
      note: shown(e.note),
    })),
  };
}
