import type { CaseRecord } from '../../lib/domain/case';
import type { Visit } from '../../lib/domain/visits/visit';
import type { Wish } from '../../lib/domain/wishes/wish';

/** A published wish of grid G01 with one place, as stored (its queue key set, as publishing sets it). */
export function sampleWish(wishId: string, over: Partial<Wish> = {}): Wish {
  return {
    wishId,
    status: 'published',
    group: 'elder',
    category: '生活用品',
    title: '想要一台收音机',
    description: '独居老人想听戏曲',
    gridId: 'G01',
    claimantsNeeded: 1,
    claimCount: 0,
    fulfilledCount: 0,
    daysToFulfil: 30,
    submittedAt: '2026-11-20T09:00:00+08:00',
    publishedAt: '2026-11-21T09:00:00+08:00',
    queueKey: `1#2026-11-21T09:00:00+08:00#${wishId}`,
    version: 1,
    ...over,
  };
}

/** A visit of elder E001 by `volunteerId` in one two-hour block of week 2026-11-23. */
export function sampleVisit(visitId: string, volunteerId: string, windowStart: string, over: Partial<Visit> = {}): Visit {
  return {
    visitId,
    weekId: '2026-11-23',
    elderId: 'E001',
    gridId: 'G01',
    volunteerId,
    windowStart,
    windowEnd: new Date(Date.parse(windowStart) + 2 * 3600_000).toISOString(),
    status: 'scheduled',
    version: 1,
    ...over,
  };
}

/** A submitted road-damage case of grid G01, as stored. */
export function sampleCase(caseId: string, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId,
    trackingCodeHash: `hash-${caseId}`,
    status: 'submitted',
    category: 'road-damage',
    priority: 'general',
    description: '路面塌陷',
    gridId: 'G01',
    location: { hasAddress: true },
    channel: 'web',
    anonymous: false,
    createdAt: '2026-11-23T01:00:00.000Z',
    dueAt: '2026-11-30T01:00:00.000Z',
    reopenCount: 0,
    version: 1,
    ...over,
  };
}
