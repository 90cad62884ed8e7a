import { z } from 'zod';
import type { CaseRecord } from '../../domain/case';
import { GRID_CHECK_HOURS, seconds } from '../../domain/deadlines';
import { distanceKm } from '../../domain/grid-routing';
import type { Priority } from '../../domain/reference';
import type { CaseDeps } from './deps';
import { loadCase } from './recipients';

export const triageInput = z.object({ caseId: z.string().min(1) });

/** Reports of one problem: same grid and category, received within a week, at the same place. */
const DUPLICATE_WINDOW_DAYS = 7;
const SAME_PLACE_KM = 0.15;

export interface TriageResult {
  caseId: string;
  routed: boolean;
  priority: Priority;
  urgent: boolean;
  gridCheckSeconds: number;
  /** The open case this report repeats, or null. */
  duplicateOf: string | null;
}

const normaliseAddress = (address: string) => address.replace(/[\s，,。.\-—()（）]/g, '').replace(/门口|附近|旁边|对面/g, '');

/**
 * First step of every case: finds an open case this report repeats, and returns what the workflow
 * branches on. Addresses are compared here; only ids and numbers leave.
 */
export async function triageCase(deps: CaseDeps, input: z.infer<typeof triageInput>): Promise<TriageResult> {
  const record = await loadCase(deps, input.caseId);
  return {
    caseId: record.caseId,
    routed: record.gridId !== undefined,
    priority: record.priority,
    urgent: record.priority === 'emergency',
    gridCheckSeconds: seconds(GRID_CHECK_HOURS[record.priority]),
    duplicateOf: await findOriginal(deps, record),
  };
}

/**
 * The order in which reports count as received: the earlier `createdAt`, then the smaller case id.
 * It is total, so of two reports still in triage at the same moment only one can be merged into the
 * other, never each into the other. A report past triage and still open (status beyond `submitted`)
 * is an original whatever the order: it is never triaged again, so following it makes no cycle.
 */
export function comesFirst(a: Pick<CaseRecord, 'createdAt' | 'caseId'>, b: Pick<CaseRecord, 'createdAt' | 'caseId'>): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.caseId < b.caseId);
}

async function findOriginal(deps: CaseDeps, record: CaseRecord): Promise<string | null> {
  if (!record.gridId) return null;
  const since = new Date(new Date(record.createdAt).getTime() - DUPLICATE_WINDOW_DAYS * 86400_000);
  const candidates = (await deps.cases.openSimilar(record.gridId, record.category, since.toISOString().slice(0, 10)))
    .filter((c) => c.caseId !== record.caseId && c.status !== 'closed' && (comesFirst(c, record) || c.status !== 'submitted'))
    .sort((a, b) => (comesFirst(a, b) ? -1 : 1));
  if (!candidates.length) return null;
  const { lat, lng } = record.location;
  const address = record.location.hasAddress ? (await deps.cases.contact(record.caseId))?.address : undefined;
  for (const candidate of candidates) {
    const c = candidate.location;
    if (lat !== undefined && lng !== undefined && c.lat !== undefined && c.lng !== undefined) {
      if (distanceKm({ lat, lng }, { lat: c.lat, lng: c.lng }) <= SAME_PLACE_KM) return candidate.caseId;
    } else if (address && c.hasAddress) {
      const other = (await deps.cases.contact(candidate.caseId))?.address;
      if (other && normaliseAddress(other) === normaliseAddress(address)) return candidate.caseId;
    }
  }
  return null;
}
