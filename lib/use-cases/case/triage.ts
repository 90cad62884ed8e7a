import type { TriageInput } from '../../contracts/tasks/case';
import type { CaseRecord } from '../../domain/case';
import { GRID_CHECK_HOURS, seconds } from '../../domain/deadlines';
import { distanceKm } from '../../domain/geo';
import type { Priority } from '../../domain/reference';
import { log } from '../../log';
import type { Ports } from '../ports';
import { loadCase } from './recipients';

/** Reports of one problem: same grid and category, received within a week, at the same place. */
const DUPLICATE_WINDOW_DAYS = 7;
const SAME_PLACE_KM = 0.15;

export type TriageCaseDeps = Pick<Ports, 'cases' | 'once'>;

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

/** How long one triage may hold its grid and category; a triage that died frees them after this. */
const TRIAGE_LEASE_SECONDS = 20;
/** About six seconds of waiting for a turn (backoff capped at 200 ms). */
const TURN_ATTEMPTS = 36;

/**
 * First step of every case: finds an open case this report repeats, and returns what the workflow
 * branches on. Addresses are compared here; only ids and numbers leave.
 *
 * Triages of one grid and category take turns (a short lease), and a report found to repeat nothing is
 * marked an original before the turn passes on. So of two reports of one problem arriving together,
 * whichever is triaged second always sees the first: before, a report triaged early (its twin not yet
 * stored) and its twin triaged while the first was between triage and its grid check each took the
 * other for a later report, and both stayed open.
 */
export async function triageCase(deps: TriageCaseDeps, input: TriageInput): Promise<TriageResult> {
  const record = await loadCase(deps, input.caseId);
  const duplicateOf = record.gridId ? await inTurn(deps, `triage#${record.gridId}#${record.category}`, () => decideOriginal(deps, record)) : null;
  return {
    caseId: record.caseId,
    routed: record.gridId !== undefined,
    priority: record.priority,
    urgent: record.priority === 'emergency',
    gridCheckSeconds: seconds(GRID_CHECK_HOURS[record.priority]),
    duplicateOf,
  };
}

async function inTurn<T>(deps: TriageCaseDeps, lock: string, work: () => Promise<T>): Promise<T> {
  let held = false;
  for (let attempt = 0; attempt < TURN_ATTEMPTS && !(held = await deps.once.claim(lock, TRIAGE_LEASE_SECONDS)); attempt += 1) {
    // Real time: another triage's turn takes milliseconds. A holder that died leaves its lease, which
    // expires on the clock's time; rather than wait for it, triage goes on alone after a few seconds
    // (at worst two reports of one problem then both stay open, for the grid worker to merge).
    await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** Math.min(attempt, 5))));
  }
  if (!held) log.warn('triage went on without its turn', { lock });
  try {
    return await work();
  } finally {
    if (held) await deps.once.release(lock);
  }
}

async function decideOriginal(deps: TriageCaseDeps, record: CaseRecord): Promise<string | null> {
  const original = await findOriginal(deps, record);
  if (!original) await deps.cases.markOriginal(record.caseId, record.createdAt);
  return original;
}

/**
 * The order in which reports count as received: the earlier `createdAt`, then the smaller case id.
 * It is total, so of two reports still in triage at the same moment only one can be merged into the
 * other, never each into the other. A report triage marked an original, or past triage and still open
 * (status beyond `submitted`), is an original whatever the order: it is never triaged again, so
 * following it makes no cycle.
 */
export function comesFirst(a: Pick<CaseRecord, 'createdAt' | 'caseId'>, b: Pick<CaseRecord, 'createdAt' | 'caseId'>): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.caseId < b.caseId);
}

async function findOriginal(deps: TriageCaseDeps, record: CaseRecord): Promise<string | null> {
  if (!record.gridId) return null;
  const since = new Date(new Date(record.createdAt).getTime() - DUPLICATE_WINDOW_DAYS * 86400_000);
  const candidates = (await deps.cases.openSimilar(record.gridId, record.category, since.toISOString().slice(0, 10)))
    .filter((c) => c.caseId !== record.caseId && c.status !== 'closed' && (comesFirst(c, record) || c.originalSince !== undefined || c.status !== 'submitted'))
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
