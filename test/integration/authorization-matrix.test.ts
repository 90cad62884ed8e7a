import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { generateKeyPair, SignJWT } from 'jose';
import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import type { StaffRole } from '../../lib/domain/actor';
import type { Visit } from '../../lib/domain/visits/visit';
import { API_ROUTES } from '../../lib/http/routes';
import { DEMO_ELDERS } from '../../local/seed/demo-data';
import { useCaseFlow } from '../support/case-flow';
import { tablesDigest } from '../support/tables-digest';

/**
 * "Who before what": on every route that is not public, who is calling (401) and whether they may use
 * the route on this record (403) are decided before anything they sent is read (400/413/415). A caller
 * who may not gets 401/403 whatever they send, and a refused call writes nothing.
 */

type Staff = 'gridG01' | 'gridG02' | 'urban' | 'water' | 'admin' | 'V001' | 'V002';
const STAFF: Record<Staff, { role: StaffRole; sub: string; grids?: string[]; department?: string; volunteerId?: string }> = {
  gridG01: { role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' },
  gridG02: { role: 'grid-worker', grids: ['G02'], sub: 'gw-G02' },
  urban: { role: 'department', department: 'urban', sub: 'dept-urban' },
  water: { role: 'department', department: 'water', sub: 'dept-water' },
  admin: { role: 'admin', sub: 'admin-centre' },
  V001: { role: 'volunteer', volunteerId: 'V001', sub: 'vol-V001' },
  V002: { role: 'volunteer', volunteerId: 'V002', sub: 'vol-V002' },
};
/** No token; a token that is no JWT; a JWT with an admin role signed by someone else's key. */
const UNAUTHENTICATED = ['no token', 'malformed token', 'forged token'] as const;
const RESIDENTS = ['resident', 'wrong code'] as const;
type Who = (typeof UNAUTHENTICATED)[number] | (typeof RESIDENTS)[number] | Staff;
const CALLERS: Who[] = [...UNAUTHENTICATED, ...RESIDENTS, ...(Object.keys(STAFF) as Staff[])];

/** The records the routes name: a case dispatched to urban in G01, a wish in G01 claimed by V001, two visits of V001. */
interface Fixtures {
  caseId: string;
  trackingCode: string;
  wishId: string;
  /** Booked for V001, no workflow waiting on it: check-in is in V001's scope but not awaited (409). */
  visitToCheckIn: string;
  /** Checked in by V001, no workflow waiting on it: check-out likewise. */
  visitToCheckOut: string;
}

interface RouteSpec {
  operationId: string;
  method: 'GET' | 'POST';
  path: (f: Fixtures) => string;
  /** A path whose id cannot name any record: 400, but only for callers whose role may use the route. */
  badPath?: (f: Fixtures) => string;
  query?: string;
  badQueries?: string[];
  /** The valid body; routes that read one are also sent the four kinds of bad body. */
  body?: () => unknown;
  /** Staff roles that may ever use the route (the route table must agree). */
  roles: StaffRole[];
  /** Open to a resident with the case's tracking code too. */
  residents?: true;
  /**
   * Callers in scope of the record, with what the valid request gets them (which may still be a 403
   * when the action itself is not theirs, or 409 when the record does not wait for it); in scope, they
   * get 400/413/415 for bad input. Everyone else: 401, 403 (404 for a wrong tracking code).
   */
  inScope: Partial<Record<Who, number>>;
  /** Callers whose scope is named in what they send (the grid of a new elder, the volunteer of a visit query): read first, then refused. */
  scopeInInput?: Who[];
}

const LONG_ID = 'A'.repeat(200);
const elder = () => ({ name: '测试老人', gridId: 'G01', address: '金水苑99号楼', riskTier: 'general' });
const wish = () => ({ beneficiary: { name: '李奶奶', gridId: 'G01' }, group: 'elder', category: 'daily', title: '一台收音机', description: '想听戏曲频道' });
let volunteerPhone = 13600005000;

const ROUTES: RouteSpec[] = [
  {
    operationId: 'getCase',
    method: 'GET',
    path: (f) => `/v1/cases/${f.caseId}`,
    badPath: () => `/v1/cases/${LONG_ID}`,
    roles: ['grid-worker', 'department', 'admin'],
    residents: true,
    inScope: { resident: 200, gridG01: 200, urban: 200, admin: 200 },
  },
  {
    operationId: 'actOnCase',
    method: 'POST',
    path: (f) => `/v1/cases/${f.caseId}/actions`,
    badPath: () => `/v1/cases/${LONG_ID}/actions`,
    body: () => ({ type: 'verify', passed: true, note: '现场已修好' }),
    roles: ['grid-worker', 'department', 'admin'],
    residents: true,
    // The case waits for urban to accept: a verification is not awaited, and is not urban's or the resident's.
    inScope: { resident: 403, gridG01: 409, urban: 403, admin: 409 },
  },
  {
    operationId: 'getWorklist',
    method: 'GET',
    path: () => '/v1/worklist',
    roles: ['grid-worker', 'department', 'admin', 'volunteer'],
    inScope: { gridG01: 200, gridG02: 200, urban: 200, water: 200, admin: 200, V001: 200, V002: 200 },
  },
  {
    operationId: 'getMetrics',
    method: 'GET',
    path: () => '/v1/metrics',
    query: 'from=2026-11-01&to=2026-11-30&by=department',
    badQueries: ['', 'from=2026-13-45&to=2026-11-30', 'from=2026-11-01&to=2026-11-30&by=mood'],
    roles: ['admin'],
    inScope: { admin: 200 },
  },
  {
    operationId: 'registerElder',
    method: 'POST',
    path: () => '/v1/elders',
    body: elder,
    roles: ['grid-worker', 'admin'],
    inScope: { gridG01: 201, admin: 201 },
    scopeInInput: ['gridG02'],
  },
  {
    operationId: 'registerVolunteer',
    method: 'POST',
    path: () => '/v1/volunteers',
    body: () => ({ name: '测试志愿者', phone: String((volunteerPhone += 1)), gridId: 'G01', availability: [{ days: ['SAT'], from: '09:00', to: '11:00' }], maxVisitsPerWeek: 1 }),
    roles: ['admin'],
    inScope: { admin: 201 },
  },
  {
    operationId: 'listVisits',
    method: 'GET',
    path: () => '/v1/visits',
    query: 'volunteerId=V001',
    badQueries: ['', 'volunteerId=V001&bogus=1', 'volunteerId=V001&from=9999&to=0000'],
    roles: ['grid-worker', 'admin', 'volunteer'],
    // A grid worker sees the visits of their grids only (G02's sees none of these): still a 200.
    inScope: { gridG01: 200, gridG02: 200, admin: 200, V001: 200 },
    scopeInInput: ['V002'],
  },
  {
    operationId: 'checkInVisit',
    method: 'POST',
    path: (f) => `/v1/visits/${f.visitToCheckIn}/check-in`,
    badPath: () => `/v1/visits/${LONG_ID}/check-in`,
    roles: ['volunteer'],
    inScope: { V001: 409 },
  },
  {
    operationId: 'checkOutVisit',
    method: 'POST',
    path: (f) => `/v1/visits/${f.visitToCheckOut}/check-out`,
    badPath: () => `/v1/visits/${LONG_ID}/check-out`,
    body: () => ({ wellbeing: 'ok', note: '老人精神很好' }),
    roles: ['volunteer'],
    inScope: { V001: 409 },
  },
  {
    operationId: 'submitWish',
    method: 'POST',
    path: () => '/v1/wishes',
    body: wish,
    roles: ['grid-worker', 'admin'],
    inScope: { gridG01: 201, admin: 201 },
    scopeInInput: ['gridG02'],
  },
  {
    operationId: 'getWish',
    method: 'GET',
    path: (f) => `/v1/wishes/${f.wishId}`,
    badPath: () => `/v1/wishes/${LONG_ID}`,
    roles: ['grid-worker', 'admin', 'volunteer'],
    inScope: { gridG01: 200, admin: 200, V001: 200 },
  },
  {
    operationId: 'actOnWish',
    method: 'POST',
    path: (f) => `/v1/wishes/${f.wishId}/actions`,
    badPath: () => `/v1/wishes/${LONG_ID}/actions`,
    body: () => ({ type: 'claim' }),
    roles: ['grid-worker', 'admin', 'volunteer'],
    // Any volunteer may claim: V001 already holds the only place (a repeat), V002 finds it taken.
    inScope: { V001: 202, V002: 409, gridG01: 403, admin: 403 },
  },
  {
    operationId: 'listVolunteerClaims',
    method: 'GET',
    path: () => '/v1/volunteers/V001/claims',
    badPath: () => `/v1/volunteers/${LONG_ID}/claims`,
    roles: ['volunteer', 'admin'],
    inScope: { V001: 200, admin: 200 },
  },
  {
    operationId: 'getVolunteerPoints',
    method: 'GET',
    path: () => '/v1/volunteers/V001/points',
    badPath: () => `/v1/volunteers/${LONG_ID}/points`,
    roles: ['volunteer', 'admin'],
    inScope: { V001: 200, admin: 200 },
  },
  {
    operationId: 'listGridWishes',
    method: 'GET',
    path: () => '/v1/grids/G01/wishes',
    badPath: () => `/v1/grids/${LONG_ID}/wishes`,
    roles: ['grid-worker', 'admin'],
    inScope: { gridG01: 200, admin: 200 },
  },
  {
    operationId: 'getWorkflowExecution',
    method: 'GET',
    path: () => '/v1/admin/workflows/reconcile/executions/no-such-execution',
    badPath: () => `/v1/admin/workflows/reconcile/executions/${LONG_ID}`,
    roles: ['admin'],
    inScope: { admin: 404 },
  },
  {
    operationId: 'resumeAttention',
    method: 'POST',
    path: (f) => `/v1/admin/attention/case/${f.caseId}/resume`,
    badPath: (f) => `/v1/admin/attention/no-such-kind/${f.caseId}/resume`,
    roles: ['admin'],
    inScope: { admin: 404 },
  },
  // Wish matching, not the reconciler: rows run in a random order, and the reconciler would give the
  // visits above (booked without a workflow, so that check-in and check-out are 409) a running one.
  {
    operationId: 'startWorkflow',
    method: 'POST',
    path: () => '/v1/admin/workflows/wish-matching/executions',
    badPath: () => '/v1/admin/workflows/no-such-workflow/executions',
    body: () => ({}),
    roles: ['admin'],
    inScope: { admin: 202 },
  },
];

interface Input {
  label: string;
  method: RouteSpec['method'];
  kind: 'valid' | 'bad input' | 'bad path';
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** What a caller in scope gets for it (bad input only). */
  status?: number;
}

function inputsOf(spec: RouteSpec, f: Fixtures): Input[] {
  const { method } = spec;
  const path = spec.path(f);
  const withQuery = (q: string | undefined) => (q ? `${path}?${q}` : path);
  const badBodies: Input[] = [
    { label: 'body of another shape', method, kind: 'bad input', path, body: { garbage: ['<script>'] }, status: 400 },
    { label: 'body not JSON', method, kind: 'bad input', path, rawBody: '{"type": ', status: 400 },
    { label: 'body as text/plain', method, kind: 'bad input', path, body: spec.body?.(), headers: { 'content-type': 'text/plain' }, status: 415 },
    { label: 'body of 17 KB', method, kind: 'bad input', path, body: { note: '长'.repeat(6000) }, status: 413 },
  ];
  return [
    { label: 'valid', method, kind: 'valid', path: withQuery(spec.query), ...(spec.body ? { body: spec.body() } : {}) },
    ...(spec.body ? badBodies : []),
    ...(spec.badQueries ?? []).map((q): Input => ({ label: `query "${q}"`, method, kind: 'bad input', path: withQuery(q), status: 400 })),
    ...(spec.badPath ? [{ label: 'bad path', method, kind: 'bad path', path: spec.badPath(f) } satisfies Input] : []),
  ];
}

const roleOf = (who: Who): StaffRole | undefined => (who in STAFF ? STAFF[who as Staff].role : undefined);

/** The answer the rules promise, from the spec alone: who first, then scope, then what was sent. */
function expectedStatus(spec: RouteSpec, who: Who, input: Input): number {
  if ((UNAUTHENTICATED as readonly Who[]).includes(who)) return 401;
  const role = roleOf(who);
  if (role ? !spec.roles.includes(role) : !spec.residents) return role ? 403 : 401;
  if (input.kind === 'bad path') return 400;
  const readsInput = who in spec.inScope || spec.scopeInInput?.includes(who);
  if (!readsInput) return who === 'wrong code' ? 404 : 403;
  if (input.kind === 'bad input') return input.status!;
  return spec.inScope[who] ?? 403;
}

describe('authorization matrix: every staff and resident route × caller × input', () => {
  const ctx = useCaseFlow();
  const fx = {} as Fixtures;
  const auth = {} as Record<Who, { token?: string; headers?: Record<string, string> }>;
  let db: DynamoDBDocumentClient;

  beforeAll(async () => {
    const { t } = ctx;
    db = t.db();
    for (const who of Object.keys(STAFF) as Staff[]) auth[who] = { token: await t.token(STAFF[who]) };
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['admin'], token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setSubject('admin-centre')
      .setIssuer(t.stack.issuer.issuer)
      .setAudience(t.stack.issuer.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    auth['no token'] = {};
    auth['malformed token'] = { headers: { authorization: 'Bearer not-a-jwt' } };
    auth['forged token'] = { token: forged };

    const c = await ctx.flow.submit();
    await ctx.flow.actOk(c.caseId, 'gridG01', { type: 'grid-check', outcome: 'needs-dispatch', note: '路面确有破损' });
    Object.assign(fx, { caseId: c.caseId, trackingCode: c.trackingCode });
    auth.resident = { headers: { 'x-tracking-code': c.trackingCode } };
    auth['wrong code'] = { headers: { 'x-tracking-code': 'ZZZZZZZZZZ' } };

    const created = await t.api('POST', '/v1/wishes', { token: auth.admin.token!, body: wish() });
    fx.wishId = created.body.wishId;
    await t.stack.settle();
    for (const [who, action] of [
      ['gridG01', { type: 'vet', approved: true, note: '情况属实' }],
      ['V001', { type: 'claim' }],
    ] as const) {
      const res = await t.api('POST', `/v1/wishes/${fx.wishId}/actions`, { token: auth[who].token!, body: action });
      if (res.status !== 202) throw new Error(`${action.type}: ${res.status} ${JSON.stringify(res.body)}`);
      await t.stack.settle();
    }

    const visits = new DynamoVisitStore(db, 'minqing-local-main');
    const elderInG01 = DEMO_ELDERS.find((e) => e.gridId === 'G01')!.elderId;
    // One visit per volunteer per block: the two take different days.
    const book = async (visitId: string, day: string, state: Partial<Visit>) => {
      const booked = await visits.book({
        visitId,
        weekId: '2026-11-23',
        elderId: elderInG01,
        gridId: 'G01',
        volunteerId: 'V001',
        windowStart: `${day}T09:00:00+08:00`,
        windowEnd: `${day}T11:00:00+08:00`,
        status: 'scheduled',
        version: 1,
        ...state,
      });
      if (!booked) throw new Error(`could not book ${visitId}`);
      return visitId;
    };
    fx.visitToCheckIn = await book(`2026-11-23-${elderInG01}-in`, '2026-11-28', {});
    fx.visitToCheckOut = await book(`2026-11-23-${elderInG01}-out`, '2026-11-23', { status: 'checked-in', checkedInAt: '2026-11-23T09:05:00+08:00', checkedInBy: 'V001' });
  });
  afterAll(() => db?.destroy());

  /** Everything a call could change: every item of the table, every execution, every SMS sent. */
  async function snapshot(): Promise<{ table: string; items: number; executions: number; sms: number }> {
    const { items, sha256 } = await tablesDigest(ctx.t.stack);
    const sfn = ctx.t.stack.stepFunctions;
    return {
      table: sha256,
      items,
      executions: sfn.listStateMachines().reduce((n, m) => n + sfn.list(m.stateMachineArn).length, 0),
      sms: ctx.t.outbox().length,
    };
  }

  async function send(who: Who, input: Input): Promise<number> {
    const { token, headers } = auth[who];
    const res = await ctx.t.api(input.method, input.path, {
      ...(token ? { token } : {}),
      headers: { ...headers, ...input.headers },
      ...(input.rawBody !== undefined ? { rawBody: input.rawBody } : input.body !== undefined ? { body: input.body } : {}),
    });
    return res.status;
  }

  it('covers every route that is not public, with the roles the route table gives it', () => {
    const guarded = API_ROUTES.filter((r) => r.access !== 'public');
    expect(ROUTES.map((s) => s.operationId).sort()).toEqual(guarded.map((r) => r.operationId).sort());
    for (const spec of ROUTES) {
      const route = guarded.find((r) => r.operationId === spec.operationId)!;
      expect({ id: spec.operationId, method: route.method.toUpperCase(), roles: [...(route.roles ?? [])].sort(), residents: route.access === 'resident-or-staff' }).toEqual({
        id: spec.operationId,
        method: spec.method,
        roles: [...spec.roles].sort(),
        residents: spec.residents ?? false,
      });
    }
  });

  describe.each(ROUTES)('$method $operationId', (spec) => {
    it.each(CALLERS)('%s: refused before the input is read, or admitted, as the rules say; refusals write nothing', async (who) => {
      const inputs = inputsOf(spec, fx);
      const expected = Object.fromEntries(inputs.map((i) => [i.label, expectedStatus(spec, who, i)]));
      // Refusals first, against one snapshot; a success (which may write) after it.
      const refusals = inputs.filter((i) => expected[i.label]! >= 400);
      const successes = inputs.filter((i) => expected[i.label]! < 400);
      await ctx.t.stack.settle();
      const before = await snapshot();
      const observed: Record<string, number> = {};
      for (const input of refusals) observed[input.label] = await send(who, input);
      await ctx.t.stack.settle();
      const after = await snapshot();
      for (const input of successes) observed[input.label] = await send(who, input);
      expect(observed).toEqual(expected);
      expect(after).toEqual(before);
    });
  });

  /**
   * Public routes need no token, but one that is sent must be good: a bad one is 401 UNAUTHENTICATED,
   * as the gateway answers on staff routes, so a client that believes it is signed in learns it is not.
   */
  describe('public routes and the tokens sent to them', () => {
    let phone = 13900009000;
    const PUBLIC: Record<string, { method: 'GET' | 'POST'; path: string; body?: () => unknown; success: number }> = {
      listCategories: { method: 'GET', path: '/v1/categories', success: 200 },
      listGrids: { method: 'GET', path: '/v1/grids', success: 200 },
      listDepartments: { method: 'GET', path: '/v1/departments', success: 200 },
      createCase: {
        method: 'POST',
        path: '/v1/cases',
        body: () => ({ category: 'road-damage', description: '路面破损需要修补', location: { gridId: 'G01', address: `金水苑${(phone += 1)}号` }, reporter: { phone: String(phone) } }),
        success: 201,
      },
      listPublishedWishes: { method: 'GET', path: '/v1/wishes', success: 200 },
      getOpenApi: { method: 'GET', path: '/v1/openapi.json', success: 200 },
    };
    const BAD = { 'a Basic credential': { authorization: 'Basic dXNlcjpwYXNz' }, 'a token that is no JWT': { authorization: 'Bearer not-a-jwt' }, 'a bare token': { authorization: 'eyJhbGciOiJSUzI1NiJ9.e30.x' } };

    it('covers every public route', () => {
      expect(Object.keys(PUBLIC).sort()).toEqual(API_ROUTES.filter((r) => r.access === 'public').map((r) => r.operationId).sort());
    });

    it.each(Object.keys(PUBLIC))('%s: open without a token or with a good one (any role); 401 for a bad one, writing nothing', async (operationId) => {
      const route = PUBLIC[operationId]!;
      const call = (opts: { token?: string; headers?: Record<string, string> }) =>
        ctx.t.api(route.method, route.path, { ...opts, ...(route.body ? { body: route.body() } : {}) });
      await ctx.t.stack.settle();
      const before = await snapshot();
      const refused: Record<string, unknown> = {};
      for (const [label, headers] of Object.entries(BAD)) refused[label] = (await call({ headers })).body?.error?.code;
      refused['a forged token'] = (await call({ token: auth['forged token'].token! })).body?.error?.code;
      await ctx.t.stack.settle();
      expect(refused).toEqual({ 'a Basic credential': 'UNAUTHENTICATED', 'a token that is no JWT': 'UNAUTHENTICATED', 'a bare token': 'UNAUTHENTICATED', 'a forged token': 'UNAUTHENTICATED' });
      expect(await snapshot()).toEqual(before);
      const open = { 'no token': (await call({})).status, admin: (await call(auth.admin)).status, volunteer: (await call(auth.V001)).status };
      expect(open).toEqual({ 'no token': route.success, admin: route.success, volunteer: route.success });
    });
  });
});
