import fc from 'fast-check';
import { clip, CONSOLE_URL_MAX, shortLocalTime, SMS_SEGMENT, smsText, wellFormed } from '../../../lib/domain/sms-text';
import { visitSms } from '../../../lib/domain/visits/visit-sms';
import { wishSms } from '../../../lib/domain/wishes/wish-sms';
import { CLOSURE_CODES } from '../../../lib/domain/case';

/** A single emoji grapheme made of many UTF-16 code units (family: 11 units), a flag, a skin tone. */
const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇨🇳';
const THUMB = '👍🏽';
const graphemes = (text: string) => [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** What a long free-text or reference-data value can look like at its worst. */
const worstText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 0, maxLength: 60 }),
  fc.array(fc.constantFrom('老', '人', FAMILY, FLAG, THUMB, 'é', 'a', '\u0301'), { maxLength: 60 }).map((a) => a.join('')),
);
const caseRef = fc.constant('261231-ZZZZZ');
const trackingCode = fc.constant('ZZZZZZZZZZ');
const wishId = fc.constant('WZZZZZ');
const visitId = fc.constant('2026-12-28-EZZZZZZZ');
const due = fc.date({ min: new Date('2026-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map(shortLocalTime);
/** A deadline a held message may leave out (it would arrive after it). */
const dueOrNone = fc.option(due, { nil: undefined });
const count = fc.integer({ min: 0, max: 99_999 });
/** The console's base URL: none, the local stack's, or the longest allowed. */
const consoleUrl = fc.constantFrom(undefined, 'http://127.0.0.1:3000', 'http://127.0.0.1:65535', `https://${'m'.repeat(CONSOLE_URL_MAX - 'https://'.length - 7)}.gov.cn`);
const when = fc.date({ min: new Date('2026-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });

/** One generator of worst-case arguments per template: a template added without one fails below. */
const ARGS: Record<string, fc.Arbitrary<unknown[]>> = {
  'smsText.caseReceived': fc.tuple(caseRef, trackingCode),
  'smsText.gridCheckRequested': fc.tuple(caseRef, worstText, worstText, dueOrNone),
  'smsText.unroutedCase': fc.tuple(caseRef, worstText),
  'smsText.dispatched': fc.tuple(caseRef, worstText, worstText, dueOrNone),
  'smsText.acceptedForReporter': fc.tuple(caseRef, worstText, dueOrNone),
  'smsText.acceptOverdue': fc.tuple(caseRef, worstText),
  'smsText.resolveReminder': fc.tuple(caseRef, due, fc.boolean()),
  'smsText.resolveOverdue': fc.tuple(caseRef, worstText),
  'smsText.verifyRequested': fc.tuple(caseRef),
  'smsText.reworkRequested': fc.tuple(caseRef),
  'smsText.stepOverdue': fc.tuple(caseRef, worstText),
  'smsText.feedbackRequested': fc.tuple(caseRef),
  'smsText.feedbackThanks': fc.tuple(caseRef, fc.constantFrom('satisfied', 'basically-satisfied', 'dissatisfied')),
  'smsText.reopened': fc.tuple(caseRef, worstText, worstText, dueOrNone),
  'smsText.centreReview': fc.tuple(caseRef),
  'smsText.closed': fc.tuple(caseRef, fc.constantFrom(...CLOSURE_CODES)),
  'smsText.merged': fc.tuple(caseRef, caseRef),
  'smsText.replyHelp': fc.tuple(caseRef),
  'smsText.nothingToRate': fc.tuple(consoleUrl),
  'smsText.optedOut': fc.tuple(),
  'smsText.optedIn': fc.tuple(),
  'wishSms.vetRequested': fc.tuple(wishId, worstText, consoleUrl),
  'wishSms.rejected': fc.tuple(wishId),
  'wishSms.published': fc.tuple(wishId),
  'wishSms.suggestion': fc.tuple(wishId, worstText, worstText),
  'wishSms.claimed': fc.tuple(wishId, fc.integer({ min: 1, max: 999 })),
  'wishSms.contactReminder': fc.tuple(wishId),
  'wishSms.fulfilReminder': fc.tuple(wishId, due),
  'wishSms.released': fc.tuple(wishId),
  'wishSms.confirmRequested': fc.tuple(wishId),
  'wishSms.thanks': fc.tuple(wishId, fc.integer({ min: 0, max: 99_999 })),
  'wishSms.expired': fc.tuple(wishId),
  'wishSms.withdrawn': fc.tuple(wishId),
  'wishSms.confirmByReply': fc.tuple(wishId),
  'wishSms.confirmedThanks': fc.tuple(wishId),
  'wishSms.claimFailed': fc.tuple(wishId),
  'visitSms.dayBefore': fc.tuple(visitId, when),
  'visitSms.shortlyBefore': fc.tuple(visitId, when),
  'visitSms.missedToBackup': fc.tuple(visitId),
  'visitSms.missedToGridWorker': fc.tuple(visitId),
  'visitSms.emergencyContact': fc.tuple(visitId),
  'visitSms.checkedIn': fc.tuple(visitId, consoleUrl),
  'visitSms.nothingToCheckIn': fc.tuple(),
  'visitSms.rosterUncovered': fc.tuple(fc.constant('2026-12-28'), count),
};

const TEMPLATES: Record<string, (...args: never[]) => string> = Object.fromEntries(
  Object.entries({ smsText, wishSms, visitSms }).flatMap(([family, templates]) =>
    Object.entries(templates as Record<string, (...args: never[]) => string>).map(([name, fn]) => [`${family}.${name}`, fn]),
  ),
);

describe('SMS templates at their worst', () => {
  it('every template has worst-case arguments here', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual(Object.keys(ARGS).sort());
  });

  it.each(Object.keys(ARGS))('%s fits one segment (UCS-2 code units) and is well-formed', (name) => {
    fc.assert(
      fc.property(ARGS[name]!, (args) => {
        const text = TEMPLATES[name]!(...(args as never[]));
        expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT);
        expect(text).toBe(wellFormed(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an emoji at the 10th character of a wish title whole', () => {
    const title = `给老人买一台收音机${THUMB}和电池`;
    expect(title.slice(0, 10)).not.toBe(wellFormed(title.slice(0, 10)));
    const text = wishSms.vetRequested('W12345', title);
    expect(text).toBe(wellFormed(text));
    expect(text).toContain('（给老人买一台收音机…）');
  });
});

describe('clip', () => {
  it('leaves text within the budget unchanged', () => {
    expect(clip('老人照护', 10)).toBe('老人照护');
  });

  it('cuts only between graphemes, marks the cut, and stays within the budget', () => {
    fc.assert(
      fc.property(worstText, fc.integer({ min: 1, max: 30 }), (text, budget) => {
        const clipped = clip(text, budget);
        expect(clipped.length).toBeLessThanOrEqual(Math.max(budget, 1));
        expect(clipped).toBe(wellFormed(clipped));
        const whole = wellFormed(text);
        if (clipped === whole) return;
        expect(clipped.endsWith('…')).toBe(true);
        const kept = clipped.slice(0, -1);
        const parts = graphemes(whole);
        let prefix = '';
        const boundaries = [''];
        for (const g of parts) boundaries.push((prefix += g));
        expect(boundaries).toContain(kept);
      }),
      { numRuns: 1000 },
    );
  });

  it('never splits a surrogate pair or a joined emoji', () => {
    expect(clip(`一二三四五六七八九${FAMILY}十`, 10)).toBe('一二三四五六七八九…');
    expect(clip(`一二三四五六七八${THUMB}九十`, 11)).toBe(`一二三四五六七八…`);
    expect(clip(`一二三四五六${THUMB}九十`, 11)).toBe(`一二三四五六${THUMB}…`);
  });
});
