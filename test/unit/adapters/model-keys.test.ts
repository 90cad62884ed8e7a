import { caseKeys, idempotencyKey } from '../../../lib/adapters/aws/model/case';
import { claimKeys } from '../../../lib/adapters/aws/model/claim';
import { elderKeys } from '../../../lib/adapters/aws/model/elder';
import { ledgerKeys } from '../../../lib/adapters/aws/model/ledger';
import { rateLimitKey } from '../../../lib/adapters/aws/model/limiter';
import { metricKeys } from '../../../lib/adapters/aws/model/metric';
import { onceKey } from '../../../lib/adapters/aws/model/once';
import { optOutKey } from '../../../lib/adapters/aws/model/opt-out';
import { outboxKeys, SMS_OUTBOX_PREFIX } from '../../../lib/adapters/aws/model/outbox';
import { referenceKeys } from '../../../lib/adapters/aws/model/reference';
import { REPAIRABLE_PREFIX, repairKeys } from '../../../lib/adapters/aws/model/repair';
import { stepKeys } from '../../../lib/adapters/aws/model/step';
import { KEY_ATTRIBUTES } from '../../../lib/adapters/aws/model/table';
import { visitKeys } from '../../../lib/adapters/aws/model/visit';
import { volunteerKeys } from '../../../lib/adapters/aws/model/volunteer';
import { wishKeys } from '../../../lib/adapters/aws/model/wish';

/**
 * Stored key shapes, spelled out: items written before a change must still be read, and the re-key
 * step, the reconciler and the SMS stream filter match keys by prefix. A failure here means a change
 * to data already in tables, which needs a migration, not an edit of these strings.
 */
const DIGEST = 'v1.0123456789abcdef0123456789abcdef';

describe('the table key model keeps every stored key shape', () => {
  it('case: record, contact, events, followers, open index, rating pointer, idempotency', () => {
    expect(caseKeys.meta('261123-K7F3Q')).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'META' });
    expect(caseKeys.contact('261123-K7F3Q')).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'CONTACT' });
    expect(caseKeys.event('261123-K7F3Q', 7)).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'EVENT#000007' });
    expect(caseKeys.eventPrefix).toBe('EVENT#');
    expect(caseKeys.follower('261123-K7F3Q', '261123-AAAAA')).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'FOLLOWER#261123-AAAAA' });
    expect(caseKeys.followerPrefix).toBe('FOLLOWER#');
    expect(caseKeys.partition('261123-K7F3Q')).toBe('CASE#261123-K7F3Q');
    expect(caseKeys.openIndex('G01', 'road-damage')).toBe('OPEN#G01#road-damage');
    expect(caseKeys.inOpenIndex('G01', 'road-damage', '2026-11-23T09:00:00+08:00')).toEqual({ gsi1pk: 'OPEN#G01#road-damage', gsi1sk: '2026-11-23T09:00:00+08:00' });
    expect(caseKeys.awaitingRating(DIGEST)).toEqual({ pk: `RATING#${DIGEST}`, sk: 'RATING' });
    expect(idempotencyKey('abc-123')).toEqual({ pk: 'IDEMPOTENCY#abc-123', sk: 'IDEMPOTENCY' });
  });

  it('step: steps, pending decisions, work queues', () => {
    expect(stepKeys.step('261123-K7F3Q', 'grid-check')).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'STEP#grid-check' });
    expect(stepKeys.prefix).toBe('STEP#');
    expect(stepKeys.pending('261123-K7F3Q', 'accept', 3)).toEqual({ pk: 'CASE#261123-K7F3Q', sk: 'PENDING#accept#0003' });
    expect(stepKeys.pendingPrefix('accept')).toBe('PENDING#accept#');
    expect(stepKeys.workQueue('GRID#G01')).toBe('WORK#GRID#G01');
    expect(stepKeys.inWorkQueue('DEPT#water', '2026-11-24T09:00:00+08:00', '261123-K7F3Q')).toEqual({
      gsi1pk: 'WORK#DEPT#water',
      gsi1sk: '2026-11-24T09:00:00+08:00#261123-K7F3Q',
    });
  });

  it('metric counters and their day range', () => {
    expect(metricKeys.counter('grid', '2026-11-23', 'G01')).toEqual({ pk: 'METRIC#grid', sk: '2026-11-23#G01' });
    expect(metricKeys.partition('department')).toBe('METRIC#department');
    expect(metricKeys.days('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01#', to: '2026-11-30#\uffff' });
  });

  it('elder: profile in the registry, contact, phone index', () => {
    expect(elderKeys.profile('E01')).toEqual({ pk: 'ELDER#E01', sk: 'PROFILE' });
    expect(elderKeys.contact('E01')).toEqual({ pk: 'ELDER#E01', sk: 'CONTACT' });
    expect(elderKeys.registry).toBe('REGISTRY#ELDER');
    expect(elderKeys.inRegistry('G01', 'E01')).toEqual({ gsi1pk: 'REGISTRY#ELDER', gsi1sk: 'G01#E01' });
    expect(elderKeys.phone(DIGEST)).toEqual({ pk: `EPHONE#${DIGEST}`, sk: 'ELDER' });
  });

  it('volunteer: profile in the registry, contact, phone index, check-in pointer', () => {
    expect(volunteerKeys.profile('V01')).toEqual({ pk: 'VOLUNTEER#V01', sk: 'PROFILE' });
    expect(volunteerKeys.contact('V01')).toEqual({ pk: 'VOLUNTEER#V01', sk: 'CONTACT' });
    expect(volunteerKeys.registry).toBe('REGISTRY#VOLUNTEER');
    expect(volunteerKeys.inRegistry('G01', 'V01')).toEqual({ gsi1pk: 'REGISTRY#VOLUNTEER', gsi1sk: 'G01#V01' });
    expect(volunteerKeys.phone(DIGEST)).toEqual({ pk: `VPHONE#${DIGEST}`, sk: 'VOLUNTEER' });
    expect(volunteerKeys.checkIn('V01')).toEqual({ pk: 'CHECKIN#V01', sk: 'CHECKIN' });
  });

  it('visit: record and its indexes, the volunteer block, the week booking', () => {
    const start = '2026-11-24T01:00:00.000Z';
    expect(visitKeys.meta('VS1')).toEqual({ pk: 'VISIT#VS1', sk: 'META' });
    expect(visitKeys.indexes({ volunteerId: 'V01', elderId: 'E01', windowStart: start })).toEqual({
      gsi1pk: 'VISITS#VOLUNTEER#V01',
      gsi1sk: start,
      gsi2pk: 'VISITS#ELDER#E01',
      gsi2sk: start,
    });
    expect(visitKeys.ofVolunteer('V01')).toBe('VISITS#VOLUNTEER#V01');
    expect(visitKeys.ofElder('E01')).toBe('VISITS#ELDER#E01');
    expect(visitKeys.anyWindow).toEqual({ from: '0000', to: '9999' });
    expect(visitKeys.slot('V01', start)).toEqual({ pk: 'VSLOT#V01', sk: start });
    expect(visitKeys.week('2026-11-23')).toBe('WEEK#2026-11-23');
    expect(visitKeys.bookedInWeek('2026-11-23', 'VS1')).toEqual({ pk: 'WEEK#2026-11-23', sk: 'VISIT#VS1' });
  });

  it('wish: record, beneficiary, beneficiary list, confirm pointer, public queue; claims', () => {
    expect(wishKeys.meta('W3K9QX')).toEqual({ pk: 'WISH#W3K9QX', sk: 'META' });
    expect(wishKeys.beneficiary('W3K9QX')).toEqual({ pk: 'WISH#W3K9QX', sk: 'BENEFICIARY' });
    expect(wishKeys.beneficiaryWishes('bk1')).toBe('BENEFICIARY#bk1');
    expect(wishKeys.ofBeneficiary('bk1', 'W3K9QX')).toEqual({ pk: 'BENEFICIARY#bk1', sk: 'WISH#W3K9QX' });
    expect(wishKeys.awaitingConfirmation(DIGEST)).toEqual({ pk: `WISHCONFIRM#${DIGEST}`, sk: 'WISH' });
    expect(wishKeys.published).toBe('WISHES#PUBLISHED');
    expect(wishKeys.publishedIn('G01')).toBe('WISHES#PUBLISHED#G01');
    expect(wishKeys.inPublicQueue('G01', '1#2026-11-23T01:00:00.000Z#W3K9QX')).toEqual({
      gsi1pk: 'WISHES#PUBLISHED',
      gsi1sk: '1#2026-11-23T01:00:00.000Z#W3K9QX',
      gsi2pk: 'WISHES#PUBLISHED#G01',
      gsi2sk: '1#2026-11-23T01:00:00.000Z#W3K9QX',
    });
    expect(claimKeys.claim('W3K9QX', 'V01')).toEqual({ pk: 'WISH#W3K9QX', sk: 'CLAIM#V01' });
    expect(claimKeys.prefix).toBe('CLAIM#');
    expect(claimKeys.claimsOf('V01')).toBe('VOLUNTEER#V01#CLAIMS');
    expect(claimKeys.ofVolunteer('V01', '2026-11-23T01:00:00.000Z', 'W3K9QX')).toEqual({ gsi1pk: 'VOLUNTEER#V01#CLAIMS', gsi1sk: '2026-11-23T01:00:00.000Z#W3K9QX' });
    expect(wishKeys.awaitingStaffIn('G01')).toBe('WISHES#AWAITING#G01');
    expect(wishKeys.awaitingStaff('G01', '2026-11-20T09:00:00+08:00', 'W3K9QX')).toEqual({ gsi2pk: 'WISHES#AWAITING#G01', gsi2sk: '2026-11-20T09:00:00+08:00#W3K9QX' });
  });

  it('ledger: entries per volunteer, once-markers per visit and per wish and claimant', () => {
    const at = '2026-11-24T10:00:00+08:00';
    expect(ledgerKeys.partition('V01')).toBe('LEDGER#V01');
    expect(ledgerKeys.visitEntry('V01', at, 'VS1')).toEqual({ pk: 'LEDGER#V01', sk: `${at}#visit#VS1` });
    expect(ledgerKeys.wishEntry('V01', at, 'W3K9QX')).toEqual({ pk: 'LEDGER#V01', sk: `${at}#wish#W3K9QX` });
    expect(ledgerKeys.visitMarker('VS1')).toEqual({ pk: 'POINTS#visit#VS1', sk: 'POINTS' });
    expect(ledgerKeys.wishMarker('W3K9QX', 'V01')).toEqual({ pk: 'POINTS#wish#W3K9QX#V01', sk: 'POINTS' });
  });

  it('SMS outbox and held list (the stream filter in serverless.yml matches the prefix)', () => {
    expect(SMS_OUTBOX_PREFIX).toBe('SMS-OUTBOX#');
    expect(outboxKeys.message('261123-K7F3Q#received')).toEqual({ pk: 'SMS-OUTBOX#261123-K7F3Q#received', sk: 'SMS' });
    expect(outboxKeys.held('2026-11-23', '2026-11-23T23:00:00.000Z', 'k1')).toEqual({ pk: 'SMS-DEFERRED#2026-11-23', sk: '2026-11-23T23:00:00.000Z#k1' });
    expect(outboxKeys.heldOn('2026-11-23')).toBe('SMS-DEFERRED#2026-11-23');
    expect(outboxKeys.dueBy('2026-11-23T23:00:00.000Z')).toBe('2026-11-23T23:00:00.000Z#\uffff');
  });

  it('once records, opt-outs, rate-limit windows, reference data and staff', () => {
    expect(onceKey('VS1#reminder-24h')).toEqual({ pk: 'ONCE#VS1#reminder-24h', sk: 'ONCE' });
    expect(optOutKey(DIGEST)).toEqual({ pk: `SMS-OPT-OUT#${DIGEST}`, sk: 'OPT-OUT' });
    expect(rateLimitKey('reports-hour', DIGEST, 3600, 493417)).toEqual({ pk: `RATE#reports-hour#${DIGEST}`, sk: 'WINDOW#3600#493417' });
    expect(referenceKeys.item('CATEGORY', 'road-damage')).toEqual({ pk: 'REF#CATEGORY', sk: 'road-damage' });
    expect(referenceKeys.kind('GRID')).toBe('REF#GRID');
    expect(referenceKeys.staff('dept-urban')).toEqual({ pk: 'STAFF#dept-urban', sk: 'PROFILE' });
  });

  it('repair: attention items and workflow runs in the entity partitions, the reconciler cursor', () => {
    expect(REPAIRABLE_PREFIX).toEqual({ case: 'CASE#', wish: 'WISH#', visit: 'VISIT#' });
    expect(repairKeys.attention('wish', 'W3K9QX')).toEqual({ pk: 'WISH#W3K9QX', sk: 'ATTENTION' });
    expect(repairKeys.inOpenAttention({ kind: 'case', id: '261123-K7F3Q', since: '2026-11-23T01:00:00.000Z' })).toEqual({
      gsi1pk: 'ATTENTION',
      gsi1sk: '2026-11-23T01:00:00.000Z#case#261123-K7F3Q',
    });
    expect(repairKeys.openAttention).toBe('ATTENTION');
    expect(repairKeys.run('visit', 'VS1')).toEqual({ pk: 'VISIT#VS1', sk: 'WORKFLOW' });
    // The reconciler scans for each entity's main record by this sort key.
    expect([caseKeys.meta('x').sk, wishKeys.meta('x').sk, visitKeys.meta('x').sk]).toEqual([repairKeys.meta, repairKeys.meta, repairKeys.meta]);
    expect(repairKeys.reconcileCursor).toEqual({ pk: 'RECONCILE', sk: 'CURSOR' });
  });

  it('the key attributes the domain never sees', () => {
    expect(KEY_ATTRIBUTES).toEqual(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);
  });
});
