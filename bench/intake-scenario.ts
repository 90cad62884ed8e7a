import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench -- intake`: the local stack as `npm start -- --in-memory` runs it (its own process),
 * driven over HTTP by autocannon at 50 connections. In the same run, beside it, the floor: a bare
 * DynamoDB Local GetItem under the same load. Prints one JSON array: a row per scenario.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROOT = join(__dirname, '..');

/** Starts `npm start -- --in-memory` on a free port and resolves with its URLs once it is healthy. */
async function startStack(): Promise<{ child: ChildProcess; url: string; dynamodb: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'local', 'start.ts'), '--in-memory'], {
    // Port 0: the stack takes a free one and names it in its banner.
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it was up:\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      // Only its banner is read; its logs are dropped so they cost the bench nothing.
      if (out.includes('Ctrl-C')) return;
      out += chunk.toString();
      const dynamodb = /DynamoDB\s+(http:\/\/\S+)/.exec(out)?.[1];
      const url = /HTTP API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (out.includes('Ctrl-C') && dynamodb && url) resolve({ child, url, dynamodb, startMs: performance.now() - started });
    });
  });
}

interface Row {
  scenario: string;
  connections: number;
  requests: number;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'max ms': number;
  timeouts: number;
  'non-2xx': number;
}

async function load(scenario: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, timeout: 10, ...opts });
  return {
    scenario,
    connections: CONNECTIONS,
    requests: result.requests.total,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    timeouts: result.timeouts,
    'non-2xx': result.non2xx + result.errors - result.timeouts,
  };
}

const DYNAMO_HEADERS = {
  'content-type': 'application/x-amz-json-1.0',
  // DynamoDB Local reads the access key from the header and does not check the signature.
  authorization: 'AWS4-HMAC-SHA256 Credential=local/20261123/ap-southeast-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
};

async function dynamo(endpoint: string, target: string, body: unknown): Promise<any> {
  const res = await fetch(endpoint, { method: 'POST', headers: { ...DYNAMO_HEADERS, 'x-amz-target': `DynamoDB_20120810.${target}` }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${target}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** One existing item of the stack's table, fetched by its key: the cheapest read DynamoDB Local answers. */
async function getItemRequest(endpoint: string): Promise<string> {
  const { TableNames } = await dynamo(endpoint, 'ListTables', {});
  const table = (TableNames as string[]).find((t) => t.endsWith('-main'))!;
  const { Items } = await dynamo(endpoint, 'Scan', { TableName: table, Limit: 1 });
  const { pk, sk } = Items[0];
  return JSON.stringify({ TableName: table, Key: { pk, sk } });
}

/**
 * The second floor: the same GetItem through the AWS SDK v3 document client (what every handler uses),
 * from one Node process with CONNECTIONS calls in flight. A report costs about five such calls before it
 * is answered, and its workflow about fifteen more.
 */
async function sdkGetItems(endpoint: string, request: string): Promise<Row> {
  const { TableName, Key } = JSON.parse(request) as { TableName: string; Key: Record<string, { S: string }> };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const key = Object.fromEntries(Object.entries(Key).map(([k, v]) => [k, v.S]));
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await db.send(new GetCommand({ TableName, Key: key }));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  db.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return {
    scenario: 'GetItem via the AWS SDK v3 (floor of a handler call)',
    connections: CONNECTIONS,
    requests: latencies.length,
    'req/s': Math.round(latencies.length / SECONDS),
    'p50 ms': at(0.5),
    'p99 ms': at(0.99),
    'max ms': Math.round(latencies.at(-1)!),
    timeouts: 0,
    'non-2xx': 0,
  };
}

let reportNo = 0;
/** A report a resident could file: its own phone (the per-phone limit is not what is measured) and place. */
function reportBody(): string {
  reportNo += 1;
  const n = reportNo;
  return JSON.stringify({
    category: 'road-damage',
    description: `路面破损需要修补，编号${n}`,
    location: { gridId: `G0${1 + (n % 8)}`, address: `压测小区${n}号楼` },
    reporter: { phone: `139${String(n).padStart(8, '0')}` },
  });
}

async function main(): Promise<void> {
  const stack = await startStack();
  try {
    const rows: Row[] = [];
    const getItem = await getItemRequest(stack.dynamodb);
    const floor = await load('DynamoDB Local GetItem (floor)', {
      url: stack.dynamodb,
      method: 'POST',
      headers: { ...DYNAMO_HEADERS, 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      body: getItem,
    });
    rows.push(floor);
    rows.push(await sdkGetItems(stack.dynamodb, getItem));
    const created: string[] = [];
    rows.push(
      await load('POST /v1/cases', {
        url: `${stack.url}/v1/cases`,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: reportBody() }), onResponse: (status, body) => {
          if (status === 201) created.push(JSON.parse(body).caseId as string);
        } }],
      }),
    );
    const admin = await (await fetch(`${stack.url}/local/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'admin', sub: 'admin-centre' }) })).json();
    let readNo = 0;
    rows.push(
      await load('GET /v1/cases/{id} (staff)', {
        url: stack.url,
        headers: { authorization: `Bearer ${(admin as { token: string }).token}` },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/v1/cases/${created[(readNo += 1) % created.length]}` }) }],
      }),
    );
    rows.push(await load('GET /v1/wishes?status=published', { url: `${stack.url}/v1/wishes?status=published` }));
    const withRatio = rows.map((r) => ({ ...r, 'p99 / floor p99': Math.round((r['p99 ms'] / Math.max(1, floor['p99 ms'])) * 10) / 10 }));
    process.stdout.write(`${JSON.stringify({ rows: withRatio, startMs: Math.round(stack.startMs), cases: created.length })}\n`);
  } finally {
    // Waited for: a stack still writing its log into a pipe that closed with this process dies of EPIPE.
    const exited = new Promise((resolve) => stack.child.once('exit', resolve));
    stack.child.kill('SIGTERM');
    await exited;
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
