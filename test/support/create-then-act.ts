/**
 * Create-then-act pairs, as a fast client sends them: the action follows the 201 (or the previous
 * 202) at once, before the workflow has opened the step it answers. Shared by the lag test and
 * `npm run bench -- lag`.
 */
export interface HttpClient {
  api<T = any>(method: string, path: string, opts?: { body?: unknown; token?: string }): Promise<{ status: number; body: T }>;
  token(claims: { role: string; grids?: string[]; department?: string; sub?: string }): Promise<string>;
}

export const PAIR_KINDS = ['wish-vet', 'case-grid-check', 'accept-after-dispatch'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

/** The status each kind of pair must reach once the workflow has caught up. */
export const STATUS_REACHED: Record<PairKind, string> = {
  'wish-vet': 'published',
  'case-grid-check': 'dispatched',
  'accept-after-dispatch': 'in-progress',
};

export interface PairResult {
  kind: PairKind;
  id: string;
  /** HTTP status of every action in the pair, in order. */
  statuses: number[];
  errors: string[];
}

let serial = 0;

async function onePair(client: HttpClient, kind: PairKind, tokens: { grid: string; dept: string }): Promise<PairResult> {
  serial += 1;
  const n = serial;
  const statuses: number[] = [];
  const errors: string[] = [];
  const record = (res: { status: number; body: any }) => {
    statuses.push(res.status);
    if (res.status !== 202) errors.push(res.body?.error?.code ?? String(res.status));
  };
  if (kind === 'wish-vet') {
    const created = await client.api('POST', '/v1/wishes', {
      token: tokens.grid,
      body: { beneficiary: { name: `受助人${n}`, gridId: 'G01' }, group: 'elder', category: '生活用品', title: `一台电暖器${n}`, description: '冬天屋里冷，想要一台电暖器' },
    });
    if (created.status !== 201) throw new Error(`wish create: ${created.status}`);
    record(await client.api('POST', `/v1/wishes/${created.body.wishId}/actions`, { token: tokens.grid, body: { type: 'vet', approved: true, note: '情况属实' } }));
    return { kind, id: created.body.wishId, statuses, errors };
  }
  const created = await client.api('POST', '/v1/cases', {
    body: {
      category: 'road-damage',
      description: '路面破损需要修补',
      location: { gridId: 'G01', address: `滞后测试小区${n}号楼` },
      reporter: { phone: `1370000${String(n % 10000).padStart(4, '0')}` },
    },
  });
  if (created.status !== 201) throw new Error(`case create: ${created.status}`);
  const caseId = created.body.caseId as string;
  const act = (token: string, body: unknown) => client.api('POST', `/v1/cases/${caseId}/actions`, { token, body });
  record(await act(tokens.grid, { type: 'grid-check', outcome: 'needs-dispatch', note: '路面塌陷约1平方米' }));
  if (kind === 'accept-after-dispatch') record(await act(tokens.dept, { type: 'accept' }));
  return { kind, id: caseId, statuses, errors };
}

/** Runs `count` pairs of one kind, `concurrency` at a time. */
export async function runPairs(client: HttpClient, kind: PairKind, count: number, concurrency = 8): Promise<PairResult[]> {
  const tokens = {
    grid: await client.token({ role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' }),
    dept: await client.token({ role: 'department', department: 'urban', sub: 'dept-urban' }),
  };
  const results: PairResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      results.push(await onePair(client, kind, tokens));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** The status each pair's entity has now, as its grid worker reads it. */
export async function statusesNow(client: HttpClient, results: PairResult[]): Promise<string[]> {
  const grid = await client.token({ role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' });
  return Promise.all(
    results.map(async (r) => (await client.api('GET', r.kind === 'wish-vet' ? `/v1/wishes/${r.id}` : `/v1/cases/${r.id}`, { token: grid })).body.status as string),
  );
}
