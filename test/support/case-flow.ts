import { DEMO_DEPARTMENTS, DEMO_GRIDS, DEMO_STAFF } from '../../local/seed/demo-data';
import { startTestStack, type TestStack } from './local-stack';

export const phoneOfStaff = (staffId: string) => DEMO_STAFF.find((s) => s.staffId === staffId)!.phone;
export const gridWorkerPhone = (gridId: string) => phoneOfStaff(DEMO_GRIDS.find((g) => g.gridId === gridId)!.workerStaffId);
export const dutyPhone = (departmentId: string) => phoneOfStaff(DEMO_DEPARTMENTS.find((d) => d.departmentId === departmentId)!.dutyStaffId);
export const headPhone = (departmentId: string) => phoneOfStaff(DEMO_DEPARTMENTS.find((d) => d.departmentId === departmentId)!.headStaffId);
export const centrePhone = () => phoneOfStaff('admin-centre');

let serial = 0;

/** Drives cases over the HTTP API as each kind of user would, letting the stack settle after each step. */
export class CaseFlow {
  static readonly staff = {
    gridG01: { role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' },
    gridG02: { role: 'grid-worker', grids: ['G02'], sub: 'gw-G02' },
    urban: { role: 'department', department: 'urban', sub: 'dept-urban' },
    water: { role: 'department', department: 'water', sub: 'dept-water' },
    district: { role: 'department', department: 'district', sub: 'dept-district' },
    admin: { role: 'admin', sub: 'admin-centre' },
    volunteer: { role: 'volunteer', volunteerId: 'V001', sub: 'vol-V001' },
  };

  constructor(readonly t: TestStack) {}

  /** Moves the clock to the next 09:00 Asia/Shanghai, so non-urgent SMS are not held by quiet hours. */
  async nextMorning(hour = 9): Promise<void> {
    const now = this.t.stack.clock.nowMs();
    const shanghai = new Date(now + 8 * 3600_000);
    let target = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), hour) - 8 * 3600_000;
    if (target <= now) target += 86400_000;
    await this.t.advance((target - now) / 1000);
  }

  /** Tokens expire after 12 virtual hours, and tests move days ahead: each call gets a fresh one. */
  token(who: keyof typeof CaseFlow.staff): Promise<string> {
    return this.t.token(CaseFlow.staff[who]);
  }

  /** A new report in G01 at an address of its own (so it is not merged), by a phone of its own. */
  async submit(overrides: Record<string, unknown> = {}): Promise<{ caseId: string; trackingCode: string; phone: string }> {
    serial += 1;
    const phone = `1390000${String(1000 + serial).padStart(4, '0')}`;
    const res = await this.t.api('POST', '/v1/cases', {
      body: { category: 'road-damage', description: '路面破损需要修补', location: { gridId: 'G01', address: `金水苑${serial}号楼` }, reporter: { phone, name: '测试居民' }, ...overrides },
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    await this.t.stack.settle();
    return { ...res.body, phone };
  }

  async act(caseId: string, who: string | { trackingCode: string }, action: Record<string, unknown>) {
    const auth = typeof who === 'string' ? { token: await this.token(who as keyof typeof CaseFlow.staff) } : { headers: { 'x-tracking-code': who.trackingCode } };
    const res = await this.t.api('POST', `/v1/cases/${caseId}/actions`, { body: action, ...auth });
    await this.t.stack.settle();
    return res;
  }

  async actOk(caseId: string, who: string | { trackingCode: string }, action: Record<string, unknown>) {
    const res = await this.act(caseId, who, action);
    if (res.status !== 202) throw new Error(`${String(action.type)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async view(caseId: string) {
    const res = await this.t.api('GET', `/v1/cases/${caseId}`, { token: await this.token('admin') });
    return res.body;
  }

  /** Grid check → dispatch → accept: the case is then in progress at the urban department. */
  async toInProgress() {
    const c = await this.submit();
    await this.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '路面确有破损' });
    await this.actOk(c.caseId, 'urban', { type: 'accept' });
    return c;
  }

  /** …then resolved and verified: the case then waits for the resident's rating. */
  async toFeedback() {
    const c = await this.toInProgress();
    await this.actOk(c.caseId, 'urban', { type: 'resolve', note: '已修补路面' });
    await this.actOk(c.caseId, 'gridG01', { type: 'verify', passed: true, note: '现场确认已修好' });
    return c;
  }
}

/** Starts one stack for the test file and gives its tests a CaseFlow; stops it afterwards. */
export function useCaseFlow(): { readonly t: TestStack; readonly flow: CaseFlow } {
  const ctx = {} as { t: TestStack; flow: CaseFlow };
  beforeAll(async () => {
    ctx.t = await startTestStack();
    ctx.flow = new CaseFlow(ctx.t);
  });
  afterAll(() => ctx.t.stop());
  return ctx;
}
