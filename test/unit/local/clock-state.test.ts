import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseStartTime, ClockStateFile, realNowMs } from '../../../local/clock-state';

describe('the persisted virtual clock', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');

  it('resumes a frozen clock exactly where it stood', () => {
    const clock = new ClockStateFile(file(), false);
    clock.write(Date.parse('2026-11-25T00:00:00Z'));
    expect(clock.resumeAt()?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });

  it('counts the downtime of a running clock at real pace, so it never falls behind', () => {
    const path = file();
    writeFileSync(path, JSON.stringify({ virtualMs: Date.parse('2026-11-25T00:00:00Z'), realMs: realNowMs() - 60_000, ticking: true }));
    expect(new ClockStateFile(path, true).resumeAt()!.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-25T00:01:00Z'));
  });

  it('knows no time for a folder that never ran, or whose file is unreadable', () => {
    const path = file();
    expect(new ClockStateFile(path, true).resumeAt()).toBeUndefined();
    writeFileSync(path, '{"virtualMs":');
    expect(new ClockStateFile(path, true).resumeAt()).toBeUndefined();
  });

  it('takes --start-at only when it is later than where the data stands', () => {
    const stood = new Date('2026-11-25T00:00:00Z');
    expect(chooseStartTime(undefined, new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(chooseStartTime(stood, undefined)).toBe(stood);
    expect(chooseStartTime(stood, new Date('2026-11-26T00:00:00Z'))?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(() => chooseStartTime(stood, new Date('2026-11-24T00:00:00Z'))).toThrow(/time never goes back/);
    expect(() => chooseStartTime(stood, stood)).toThrow(/not later/);
  });
});
