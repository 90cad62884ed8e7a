import { createHash } from 'node:crypto';
import { addHours, shanghaiDay, toShanghaiIso, type CaseRecord, type CaseStatus, type Channel } from '../../domain/case';
import { routeToGrid } from '../../domain/grid-routing';
import { hashSecret, newCaseId, newTrackingCode } from '../../domain/ids';
import { dueHoursFor, type Category } from '../../domain/reference';
import { ConflictError, IdempotencyKeyReusedError, ValidationError } from '../../errors';
import type { IdempotencyRecord } from '../../ports/case-store';
import type { OutgoingSms } from '../../ports/messaging';
import type { Ports } from '../ports';

/** A report as the intake takes it, already validated at its edge (the public API, or a workflow task). */
export interface CaseReport {
  category: string;
  description: string;
  location: { gridId?: string | undefined; address?: string | undefined; lat?: number | undefined; lng?: number | undefined };
  reporter: { phone: string; name?: string | undefined };
  channel: Channel;
  anonymous: boolean;
}

export type IntakeDeps = Pick<Ports, 'cases' | 'reference' | 'workflows' | 'clock'>;

export interface IntakeOptions {
  /** Binds the report to this key for IDEMPOTENCY_KEY_HOURS: the same report again returns the first answer. */
  idempotencyKey?: string;
  /** Runs once the report is known valid and new, before anything is written (a person's report limits). */
  beforeWrite?: (category: Category, now: Date) => Promise<void>;
  /** The SMS queued in the case's own creation transaction, if any (a resident's receipt with the tracking code). */
  receipt?: (caseId: string, trackingCode: string) => OutgoingSms;
}

export interface TakenIn {
  caseId: string;
  status: CaseStatus;
  priority: string;
  dueAt: string;
  /** Only when this call created the case: the secret is never issued twice. */
  trackingCode?: string;
}

const MAX_ID_ATTEMPTS = 3;
/** How long an `Idempotency-Key` stays bound to its request (as Powertools idempotency keeps it). */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** JSON with object keys sorted at every level: the same request gives the same text however it was written. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A digest of the validated report (defaults applied), so a key can be bound to one request without storing it. */
export function requestFingerprint(report: CaseReport): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

/**
 * The one intake of a case, whoever reports it: validates the category and grid against the reference
 * data, routes it to a grid, stores it (with its contact, first timeline entry, metrics and the optional
 * receipt, in one transaction) and starts its lifecycle, whose execution carries only the case id.
 * An idempotency key is bound to a fingerprint of the report: the same report again returns the first
 * answer and starts nothing twice; the same key with another report is refused (422).
 */
export async function takeInCase(deps: IntakeDeps, report: CaseReport, opts: IntakeOptions = {}): Promise<TakenIn> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const idempotency = opts.idempotencyKey
    ? { key: opts.idempotencyKey, fingerprint: requestFingerprint(report), boundAt: nowSeconds, expiresAt: nowSeconds + IDEMPOTENCY_KEY_HOURS * 3600 }
    : undefined;
  if (idempotency) {
    const existing = await deps.cases.findByIdempotencyKey(idempotency.key, nowSeconds);
    if (existing) return replay(deps, existing, idempotency.fingerprint);
  }
  const categories = await deps.reference.categories();
  const category = categories.find((c) => c.code === report.category);
  if (!category) throw new ValidationError('未知的诉求类别', { category: `未知类别 ${report.category}` }, 'UNKNOWN_CATEGORY');

  const grids = await deps.reference.grids();
  if (report.location.gridId && !grids.some((g) => g.gridId === report.location.gridId)) {
    throw new ValidationError('未知的网格', { 'location.gridId': `未知网格 ${report.location.gridId}` }, 'UNKNOWN_GRID');
  }
  const grid = routeToGrid(report.location, grids);
  // After the replay above (a retry is not a new report) and validation, before the first write.
  await opts.beforeWrite?.(category, now);

  const trackingCode = newTrackingCode();
  for (let attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt += 1) {
    const caseId = newCaseId(now);
    const record: CaseRecord = {
      caseId,
      trackingCodeHash: hashSecret(trackingCode),
      status: 'submitted',
      category: category.code,
      priority: category.priority,
      description: report.description,
      ...(grid ? { gridId: grid.gridId } : {}),
      location: {
        ...(report.location.lat !== undefined ? { lat: report.location.lat } : {}),
        ...(report.location.lng !== undefined ? { lng: report.location.lng } : {}),
        hasAddress: Boolean(report.location.address),
      },
      channel: report.channel,
      anonymous: report.anonymous,
      createdAt: toShanghaiIso(now),
      dueAt: toShanghaiIso(addHours(now, dueHoursFor(category))),
      reopenCount: 0,
      version: 1,
    };
    const result = await deps.cases.create({
      record,
      contact: {
        caseId,
        phone: report.reporter.phone,
        ...(report.reporter.name && !report.anonymous ? { name: report.reporter.name } : {}),
        ...(report.location.address ? { address: report.location.address } : {}),
      },
      firstEvent: { at: record.createdAt, status: 'submitted', actor: 'resident', note: `经${report.channel}提交` },
      ...(idempotency ? { idempotency } : {}),
      metrics: [{ day: shanghaiDay(record.createdAt), dims: { grid: record.gridId ?? 'unrouted', category: record.category }, counters: { received: 1 } }],
      ...(opts.receipt ? { outbox: [opts.receipt(caseId, trackingCode)] } : {}),
    });
    if (!result.created) {
      if (result.existing) return replay(deps, result.existing, idempotency!.fingerprint);
      continue;
    }
    await deps.workflows.start('case-lifecycle', caseId, { caseId });
    return { caseId, trackingCode, status: 'submitted', priority: record.priority, dueAt: record.dueAt };
  }
  throw new ConflictError('暂时无法生成编号，请重试', 'ID_EXHAUSTED');
}

async function replay(deps: IntakeDeps, bound: IdempotencyRecord, fingerprint: string): Promise<TakenIn> {
  if (bound.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  const existing = await deps.cases.get(bound.caseId);
  if (!existing) throw new ConflictError('同一幂等键的请求仍在处理，请稍后重试', 'IDEMPOTENCY_IN_PROGRESS');
  // The first attempt may have stored the case and died before starting its workflow; a case that has
  // moved on has (or had) its execution, and must not be started afresh.
  if (existing.status === 'submitted') await deps.workflows.start('case-lifecycle', existing.caseId, { caseId: existing.caseId });
  return { caseId: existing.caseId, status: existing.status, priority: existing.priority, dueAt: existing.dueAt };
}
