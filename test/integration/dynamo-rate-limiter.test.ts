import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoRateLimiter } from '../../lib/adapters/aws/dynamo-rate-limiter';
import { installKeyring, newKeyring } from '../../lib/adapters/keyring';
import { limitKey } from '../../lib/domain/limits';
import { createTables, type RunningDynamo } from '../../local/dynamodb';
import { testDynamo } from '../support/test-dynamo';
import { loadServerlessConfig } from '../../local/serverless-config';

const config = loadServerlessConfig(join(resolve(__dirname, '../..'), 'serverless.yml'), { stage: 'limiter-test', region: 'ap-southeast-1' });
const TABLE = String(config.tables[0]!.properties.TableName);
const HOUR = 3600;
const PHONE = '13912345678';

/**
 * What the DynamoDB adapter stores (the behaviour every RateLimiter shares is test/contract/rate-limiter.contract.ts,
 * run against this adapter too): one counter item per key and window, expiring with it, and no phone number.
 */
describe('DynamoRateLimiter against DynamoDB Local', () => {
  let dynamo: RunningDynamo;
  let db: DynamoDBDocumentClient;
  let limiter: DynamoRateLimiter;
  const items = async () => (await db.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
  const counter = async (scope: string) => (await items()).filter((i) => String(i.pk).startsWith(`RATE#${scope}#`));

  beforeAll(async () => {
    // Limits are keyed by the phone digest, which needs this process's keyring (the container installs it in handlers).
    installKeyring(newKeyring());
    dynamo = await testDynamo();
    await createTables(dynamo.client, config.tables);
    db = DynamoDBDocumentClient.from(dynamo.client);
    limiter = new DynamoRateLimiter(db, TABLE);
  }, 60_000);
  afterAll(() => dynamo?.stop());

  it('counts exactly up to the limit when many take at once', async () => {
    const key = limitKey('concurrent', PHONE);
    const now = new Date('2026-11-23T03:10:00Z');
    const results = await Promise.all(Array.from({ length: 30 }, () => limiter.take(key, 7, HOUR, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    // One counter item, counting only the takes allowed, which DynamoDB's TTL removes when its window ends.
    expect((await counter('concurrent')).map(({ n, expiresAt }) => ({ n, expiresAt }))).toEqual([{ n: 7, expiresAt: Date.parse('2026-11-23T04:00:00Z') / 1000 }]);
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
