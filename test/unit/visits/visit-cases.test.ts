import type { Visit } from '../../../lib/domain/visits/visit';
import { visitConcern } from '../../../lib/use-cases/visits/visit-concern';
import { welfareCheck } from '../../../lib/use-cases/visits/welfare-check';
import { fakePorts, type FakePorts } from '../../support/fakes/ports';

const FAMILY = '+8613800006001';
const VOLUNTEER = '+8613800007001';

/** One elder living alone in G01 with a family contact, one volunteer, one visit booked for them. */
async function withVisit(over: Partial<Visit> = {}): Promise<{ ports: FakePorts; visit: Visit }> {
  const ports = fakePorts();
  await ports.visits.addElder({ elderId: 'E001', gridId: 'G01', location: { lat: 34.75, lng: 113.62 }, riskTier: 'high', languages: ['zh'] }, { name: '王奶奶', address: '金水苑3号楼201', emergencyContact: { name: '王小明', phone: FAMILY } });
  await ports.visits.addVolunteer({ volunteerId: 'V001', gridId: 'G01', location: { lat: 34.75, lng: 113.62 }, languages: ['zh'], availability: [], maxVisitsPerWeek: 2 }, { name: '李志愿', phone: VOLUNTEER });
  const visit: Visit = {
    visitId: '2026-11-24-E001', weekId: '2026-11-23', elderId: 'E001', gridId: 'G01', volunteerId: 'V001',
    windowStart: '2026-11-24T09:00:00+08:00', windowEnd: '2026-11-24T11:00:00+08:00', status: 'missed', version: 1, ...over,
  };
  await ports.visits.book(visit);
  return { ports, visit };
}

/** The cases a visit opens are the system's, on someone's behalf: nobody asked for a receipt or a tracking code. */
describe('a visit hands its problem to the case lifecycle on the family\'s or volunteer\'s behalf', () => {
  it('a welfare check opens one emergency case in the family\'s name, however often it runs, and sends them no receipt', async () => {
    const { ports, visit } = await withVisit();
    const first = await welfareCheck(ports, { visitId: visit.visitId });
    const again = await welfareCheck(ports, { visitId: visit.visitId });
    expect(again).toEqual(first);
    expect(ports.cases.cases.size).toBe(1);
    expect(await ports.cases.get(first.caseId)).toMatchObject({ category: 'welfare-check', priority: 'emergency', gridId: 'G01', channel: 'visit' });
    expect(await ports.cases.contact(first.caseId)).toMatchObject({ phone: FAMILY, address: '金水苑3号楼201' });
    expect(ports.workflows.startedNames('case-lifecycle')).toEqual([first.caseId]);
    const toFamily = ports.outbox.queued().filter((m) => m.to === FAMILY);
    expect(toFamily.map((m) => m.key)).toEqual([`${visit.visitId}#emergency-contact`]);
    expect(ports.outbox.queued().some((m) => m.key.endsWith('#received'))).toBe(false);
  });

  it('a concern opens one elder-care case in the name of the volunteer who checked in, without a receipt', async () => {
    const { ports, visit } = await withVisit({ status: 'checked-in', checkedInBy: 'V001', wellbeing: 'concern', note: '药快吃完了' });
    const opened = await visitConcern(ports, { visitId: visit.visitId });
    await visitConcern(ports, { visitId: visit.visitId });
    expect(ports.cases.cases.size).toBe(1);
    expect(await ports.cases.get(opened.caseId)).toMatchObject({ category: 'elder-care', description: expect.stringContaining('药快吃完了') });
    expect(await ports.cases.contact(opened.caseId)).toMatchObject({ phone: VOLUNTEER });
    expect(ports.outbox.queued()).toEqual([]);
  });

  it('a visit that no longer exists is a VisitMissingError, which no workflow retries', async () => {
    const ports = fakePorts();
    await expect(welfareCheck(ports, { visitId: 'gone' })).rejects.toMatchObject({ name: 'VisitMissingError', code: 'VISIT_MISSING' });
  });
});
