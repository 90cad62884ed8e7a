import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoRateLimiter } from '../../lib/adapters/aws/dynamo-rate-limiter';
import { installKeyring, newKeyring } from '../../lib/adapters/keyring';
import { limitKey } from '../../lib/domain/limits';
import { createTables, startDynamo, type RunningDynamo } from '../../local/dynamodb';
import { loadServerlessConfig } from '../../local/serverless-config';

const config = loadServerlessConfig(join(resolve(__dirname, '../..'), 'serverless.yml'), { stage: 'limiter-test', region: 'ap-southeast-1' });
const TABLE = String(config.tables[0]!.properties.TableName);
const HOUR = 3600;
const PHONE = '13912345678';

describe('DynamoRateLimiter against DynamoDB Local', () => {
  let dynamo: RunningDynamo;
  let db: DynamoDBDocumentClient;
  let limiter: DynamoRateLimiter;
  const items = async () => (await db.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
  const counter = async (scope: string) => (await items()).filter((i) => String(i.pk).startsWith(`RATE#${scope}#`));

  beforeAll(async () => {
    // Limits are keyed by the phone digest, which needs this process's keyring (the container installs it in handlers).
    installKeyring(newKeyring());
    dynamo = await startDynamo(undefined);
    await createTables(dynamo.client, config.tables);
    db = DynamoDBDocumentClient.from(dynamo.client);
    limiter = new DynamoRateLimiter(db, TABLE);
  }, 60_000);
  afterAll(() => dynamo?.stop());

  it('allows up to the limit in a window, then refuses until the window ends, without counting refusals', async () => {
    const key = limitKey('sequential', PHONE);
    const start = new Date('2026-11-23T01:00:00Z');
    for (let i = 0; i < 5; i += 1) expect(await limiter.take(key, 5, HOUR, new Date(start.getTime() + i * 60_000))).toEqual({ allowed: true });
    const at = new Date('2026-11-23T01:44:30Z');
    expect(await limiter.take(key, 5, HOUR, at)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 + 30 });
    expect(await limiter.take(key, 5, HOUR, at)).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 + 30 });
    const [item] = await counter('sequential');
    expect(item).toMatchObject({ n: 5, expiresAt: Date.parse('2026-11-23T02:00:00Z') / 1000 });
    expect(await limiter.take(key, 5, HOUR, new Date('2026-11-23T02:00:00Z'))).toEqual({ allowed: true });
  });

  it('counts exactly up to the limit when many take at once', async () => {
    const key = limitKey('concurrent', PHONE);
    const now = new Date('2026-11-23T03:10:00Z');
    const results = await Promise.all(Array.from({ length: 30 }, () => limiter.take(key, 7, HOUR, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    expect((await counter('concurrent')).map((i) => i.n)).toEqual([7]);
  });

  it('keys by the number, not by how it was written, and keeps numbers and scopes apart', async () => {
    const now = new Date('2026-11-23T04:10:00Z');
    expect(await limiter.take(limitKey('formats', '13912345678'), 2, HOUR, now)).toEqual({ allowed: true });
    expect(await limiter.take(limitKey('formats', '+86 139 1234 5678'), 2, HOUR, now)).toEqual({ allowed: true });
    expect((await limiter.take(limitKey('formats', '+8613912345678'), 2, HOUR, now)).allowed).toBe(false);
    expect(await limiter.take(limitKey('formats', '13800138000'), 2, HOUR, now)).toEqual({ allowed: true });
    expect(await limiter.take(limitKey('formats-other', '13912345678'), 2, HOUR, now)).toEqual({ allowed: true });
  });

  it('refuses everything at a limit of zero and writes nothing', async () => {
    expect(await limiter.take(limitKey('closed', PHONE), 0, HOUR, new Date('2026-11-23T05:59:59Z'))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await counter('closed')).toEqual([]);
  });

  it('never stores a phone number, in any form, in a key or attribute', async () => {
    // Its own counters, written as the tests above write theirs (whichever order they ran in).
    const now = new Date('2026-11-23T06:10:00Z');
    for (const phone of ['13912345678', '+86 139 1234 5678', '13800138000']) await limiter.take(limitKey('privacy', phone), 5, HOUR, now);
    const all = JSON.stringify(await items());
    expect(all).toContain('RATE#');
    for (const form of ['13912345678', '13800138000', '1391234']) expect(all).not.toContain(form);
  });
});
