import { createHash } from 'node:crypto';
import { z } from 'zod';
import { addHours, CHANNELS, shanghaiDay, type CaseRecord, type CaseStatus, toShanghaiIso } from '../domain/case';
import { hashSecret, newCaseId, newTrackingCode } from '../domain/ids';
import { latitudeSchema, longitudeSchema } from '../domain/numbers';
import { phoneSchema } from '../domain/phone';
import { dueHoursFor } from '../domain/reference';
import { routeToGrid } from '../domain/grid-routing';
import { ConflictError, IdempotencyKeyReusedError, ValidationError } from '../errors';
import type { CaseStore, IdempotencyRecord } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { ReferenceData } from '../ports/reference-data';
import type { Workflows } from '../ports/workflows';
import { smsText } from '../domain/sms-text';
import { log } from '../log';
import type { RateLimiter } from '../ports/rate-limiter';
import type { OutgoingSms } from '../ports/messaging';
import type { NotifyDeps } from './notify';
import { enforceReportLimits, type ReportOrigin } from './report-limits';

export const submitCaseCommand = z.object({
  category: z.string().min(1).max(64),
  description: z.string().trim().min(2).max(2000),
  location: z
    .object({
      gridId: z.string().min(1).max(64).optional(),
      address: z.string().trim().min(2).max(200).optional(),
      lat: latitudeSchema.optional(),
      lng: longitudeSchema.optional(),
    })
    .strict()
    .refine((l) => l.gridId || l.address || (l.lat !== undefined && l.lng !== undefined), {
      message: '至少提供网格、地址或经纬度之一',
    }),
  reporter: z.object({ phone: phoneSchema, name: z.string().trim().min(1).max(50).optional() }).strict(),
  channel: z.enum(CHANNELS).default('web'),
  anonymous: z.boolean().default(false),
}).strict();
export type SubmitCaseCommand = z.infer<typeof submitCaseCommand>;

export interface SubmitCaseDeps extends NotifyDeps {
  cases: CaseStore;
  reference: ReferenceData;
  workflows: Workflows;
  clock: Clock;
}

export interface SubmittedCase {
  caseId: string;
  trackingCode?: string;
  status: CaseStatus;
  priority: string;
  dueAt: string;
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

/** A digest of the validated command (defaults applied), so a key can be bound to one request without storing it. */
export function requestFingerprint(command: SubmitCaseCommand): string {
  return createHash('sha256').update(canonicalJson(command)).digest('hex');
}

/**
 * Stores a resident's report and starts its lifecycle. The execution carries only the case id.
 * An idempotency key is bound to a fingerprint of the request for 24 hours: a retry of the same
 * request returns the first answer (without re-issuing the secret tracking code, which only the first
 * response carries) and starts nothing twice; the same key with another request is refused (422),
 * never answered with someone else's case.
 * A person's report counts against the per-phone limits (so needs a limiter); the system's does not.
 */
export async function submitCase(deps: SubmitCaseDeps & { limiter: RateLimiter }, command: SubmitCaseCommand, idempotencyKey?: string, origin?: 'person'): Promise<SubmittedCase>;
export async function submitCase(deps: SubmitCaseDeps, command: SubmitCaseCommand, idempotencyKey: string | undefined, origin: 'system'): Promise<SubmittedCase>;
export async function submitCase(
  deps: SubmitCaseDeps & { limiter?: RateLimiter },
  command: SubmitCaseCommand,
  idempotencyKey?: string,
  origin: ReportOrigin = 'person',
): Promise<SubmittedCase> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const idempotency = idempotencyKey
    ? { key: idempotencyKey, fingerprint: requestFingerprint(command), boundAt: nowSeconds, expiresAt: nowSeconds + IDEMPOTENCY_KEY_HOURS * 3600 }
    : undefined;
  if (idempotency) {
    const existing = await deps.cases.findByIdempotencyKey(idempotency.key, nowSeconds);
    if (existing) return replay(deps, existing, idempotency.fingerprint);
  }
  const categories = await deps.reference.categories();
  const category = categories.find((c) => c.code === command.category);
  if (!category) throw new ValidationError('未知的诉求类别', { category: `未知类别 ${command.category}` }, 'UNKNOWN_CATEGORY');

  const grids = await deps.reference.grids();
  if (command.location.gridId && !grids.some((g) => g.gridId === command.location.gridId)) {
    throw new ValidationError('未知的网格', { 'location.gridId': `未知网格 ${command.location.gridId}` }, 'UNKNOWN_GRID');
  }
  const grid = routeToGrid(command.location, grids);
  // After the replay above (a retry is not a new report) and validation, before the first write.
  if (origin === 'person') await enforceReportLimits(deps.limiter!, category.priority, command.reporter.phone, now);

  const trackingCode = newTrackingCode();
  for (let attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt += 1) {
    const caseId = newCaseId(now);
    const record: CaseRecord = {
      caseId,
      trackingCodeHash: hashSecret(trackingCode),
      status: 'submitted',
      category: category.code,
      priority: category.priority,
      description: command.description,
      ...(grid ? { gridId: grid.gridId } : {}),
      location: {
        ...(command.location.lat !== undefined ? { lat: command.location.lat } : {}),
        ...(command.location.lng !== undefined ? { lng: command.location.lng } : {}),
        hasAddress: Boolean(command.location.address),
      },
      channel: command.channel,
      anonymous: command.anonymous,
      createdAt: toShanghaiIso(now),
      dueAt: toShanghaiIso(addHours(now, dueHoursFor(category))),
      reopenCount: 0,
      version: 1,
    };
    const result = await deps.cases.create({
      record,
      contact: {
        caseId,
        phone: command.reporter.phone,
        ...(command.reporter.name && !command.anonymous ? { name: command.reporter.name } : {}),
        ...(command.location.address ? { address: command.location.address } : {}),
      },
      firstEvent: { at: record.createdAt, status: 'submitted', actor: 'resident', note: `经${command.channel}提交` },
      ...(idempotency ? { idempotency } : {}),
      metrics: [{ day: shanghaiDay(record.createdAt), dims: { grid: record.gridId ?? 'unrouted', category: record.category }, counters: { received: 1 } }],
      outbox: [confirmation(caseId, command.reporter.phone, trackingCode)],
    });
    if (!result.created) {
      if (result.existing) return replay(deps, result.existing, idempotency!.fingerprint);
      continue;
    }
    await deps.workflows.start('case-lifecycle', caseId, { caseId });
    await optBackIn(deps, command.reporter.phone);
    return { caseId, trackingCode, status: 'submitted', priority: record.priority, dueAt: record.dueAt };
  }
  throw new ConflictError('暂时无法生成编号，请重试', 'ID_EXHAUSTED');
}

async function replay(deps: SubmitCaseDeps, bound: IdempotencyRecord, fingerprint: string): Promise<SubmittedCase> {
  if (bound.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  const existing = await deps.cases.get(bound.caseId);
  if (!existing) throw new ConflictError('同一幂等键的请求仍在处理，请稍后重试', 'IDEMPOTENCY_IN_PROGRESS');
  // The first attempt may have stored the case and died before starting its workflow; a case that has
  // moved on has (or had) its execution, and must not be started afresh.
  if (existing.status === 'submitted') await deps.workflows.start('case-lifecycle', existing.caseId, { caseId: existing.caseId });
  return { caseId: existing.caseId, status: existing.status, priority: existing.priority, dueAt: existing.dueAt };
}

/**
 * The reporter gets the reference and tracking code by SMS too: hotline and SMS reporters have no
 * screen. It is queued in the case's own creation transaction, so a stored case always has it queued
 * and a retry that finds the case stored queues nothing. Urgent, so quiet hours and the opt-out list
 * do not hold it; its own daily cap (lib/domain/limits.ts) stops anyone using reports to flood a number.
 */
function confirmation(caseId: string, phone: string, trackingCode: string): OutgoingSms {
  return { key: `${caseId}#received`, to: phone, text: smsText.caseReceived(caseId, trackingCode), urgent: true, audience: 'resident' };
}

/** A new report is a wish to hear about it, so it takes the number off the opt-out list. */
async function optBackIn(deps: NotifyDeps, phone: string): Promise<void> {
  try {
    await deps.optOuts.optIn(phone);
  } catch (err) {
    // The report is stored and answered; staying opted out costs the reporter only non-urgent news.
    log.warn('opt-in after report failed', { error: err });
  }
}
