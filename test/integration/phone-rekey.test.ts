import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCaseStore } from '../../lib/adapters/aws/dynamo-case-store';
import { DynamoOptOutStore } from '../../lib/adapters/aws/dynamo-opt-out-store';
import { rekeyPhoneDigests } from '../../lib/adapters/aws/dynamo-rekey';
import { addNextKey, installKeyring, newKeyring, promoteNewestKey, retireOldKeys } from '../../lib/adapters/keyring';
import { createTables, type RunningDynamo } from '../../local/dynamodb';
import { testDynamo } from '../support/test-dynamo';
import { loadServerlessConfig } from '../../local/serverless-config';

const config = loadServerlessConfig(join(resolve(__dirname, '../..'), 'serverless.yml'), { stage: 'rekey-test', region: 'ap-southeast-1' });
const TABLE = String(config.tables[0]!.properties.TableName);
const KNOWN = '+8613912345678';
const LEGACY = '+8613700001111';
const UNKNOWN = '+8618600002222';

describe('rotating the phone-digest key against DynamoDB Local', () => {
  let dynamo: RunningDynamo;
  let db: DynamoDBDocumentClient;
  beforeAll(async () => {
    dynamo = await testDynamo();
    await createTables(dynamo.client, config.tables);
    db = DynamoDBDocumentClient.from(dynamo.client);
  }, 60_000);
  afterAll(() => dynamo?.stop());

  const keysInTable = async () => ((await db.send(new ScanCommand({ TableName: TABLE }))).Items ?? []).map((i) => String(i.pk));

  it('finds digest-keyed items at every step, moves them in the re-key, and keeps working once the old key is retired', async () => {
    const optOuts = new DynamoOptOutStore(db, TABLE);
    const cases = new DynamoCaseStore(db, TABLE);
    const by = { messageId: 'm1', at: new Date('2026-11-23T01:00:00Z') };
    // Arrange: under v1, a number the table holds (a case contact), one it does not, and one keyed the pre-keyring way.
    const v1 = newKeyring();
    installKeyring(v1);
    await db.send(new PutCommand({ TableName: TABLE, Item: { pk: 'CASE#261123-AAAAA', sk: 'CONTACT', phone: KNOWN } }));
    await db.send(new PutCommand({ TableName: TABLE, Item: { pk: 'CASE#261123-BBBBB', sk: 'CONTACT', phone: LEGACY } }));
    await optOuts.optOut(KNOWN, by);
    await cases.awaitRatingFrom(KNOWN, '261123-AAAAA');
    await optOuts.optOut(UNKNOWN, by);
    const unkeyed = createHash('sha256').update(`minqing-phone:${LEGACY}`).digest('hex');
    await db.send(new PutCommand({ TableName: TABLE, Item: { pk: `SMS-OPT-OUT#${unkeyed}`, sk: 'OPT-OUT' } }));

    // Added, then promoted: lookups still find what v1 keyed.
    installKeyring(addNextKey(v1));
    expect(await optOuts.has(KNOWN)).toBe(true);
    const v2 = promoteNewestKey(addNextKey(v1));
    installKeyring(v2);
    expect(await optOuts.has('13912345678')).toBe(true);
    expect(await cases.caseAwaitingRatingFrom(KNOWN)).toBe('261123-AAAAA');

    // Re-key: what the table can name moves; the unknown number's opt-out is counted as an orphan.
    const report = await rekeyPhoneDigests(db, TABLE);
    expect(report).toMatchObject({ moved: 3, orphans: 1, unknownVersion: 0 });
    expect(await rekeyPhoneDigests(db, TABLE)).toMatchObject({ moved: 0, orphans: 1 });

    // Retired: only v2 is left, and everything the re-key moved is still found.
    installKeyring(retireOldKeys(v2));
    expect(await optOuts.has(KNOWN)).toBe(true);
    expect(await optOuts.has(LEGACY)).toBe(true);
    expect(await cases.caseAwaitingRatingFrom(KNOWN)).toBe('261123-AAAAA');
    expect(await optOuts.has(UNKNOWN)).toBe(false);
    const digestKeys = (await keysInTable()).filter((pk) => /^(SMS-OPT-OUT|RATING)#/.test(pk));
    expect(digestKeys.filter((pk) => pk.includes('#v2.'))).toHaveLength(3);
    expect(digestKeys.filter((pk) => !pk.includes('#v2.'))).toHaveLength(1);
    // With the old key gone, a second re-key cannot read the orphan's version either.
    expect(await rekeyPhoneDigests(db, TABLE)).toMatchObject({ moved: 0, unknownVersion: 1 });
  });
});
