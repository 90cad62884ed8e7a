import type { ReopenInput } from '../../contracts/tasks/case';
import { addHours, toShanghaiIso } from '../../domain/case';
import { dueHoursFor } from '../../domain/reference';
import { retryOnLostRace } from '../lost-race';
import type { Ports } from '../ports';
import { loadCase } from './recipients';

export type ReopenCaseDeps = Pick<Ports, 'cases' | 'reference' | 'clock'>;

/** 重办: a dissatisfied resident reopens the case with a fresh due time. A retry finds it reopened already. */
export function reopenCase(deps: ReopenCaseDeps, input: ReopenInput): Promise<{ reopenCount: number }> {
  return retryOnLostRace(`case ${input.caseId}`, async () => {
    const record = await loadCase(deps, input.caseId);
    if (record.status === 'reopened') return { done: { reopenCount: record.reopenCount } };
    const category = (await deps.reference.categories()).find((c) => c.code === record.category);
    const now = deps.clock.now();
    const reopenCount = record.reopenCount + 1;
    const done = await deps.cases.transition({
      caseId: record.caseId,
      expectedVersion: record.version,
      set: { status: 'reopened', reopenCount, dueAt: toShanghaiIso(addHours(now, category ? dueHoursFor(category) : 7 * 24)) },
      event: { at: toShanghaiIso(now), status: 'reopened', actor: 'system', note: `群众不满意，第${reopenCount}次重办` },
    });
    return done ? { done: { reopenCount } } : 'lost';
  });
}
