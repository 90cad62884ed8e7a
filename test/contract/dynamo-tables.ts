import { join, resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { installKeyring, newKeyring } from '../../lib/adapters/keyring';
import { createTables, type RunningDynamo } from '../../local/dynamodb';
import { testDynamo } from '../support/test-dynamo';
import { loadServerlessConfig } from '../../local/serverless-config';

const config = loadServerlessConfig(join(resolve(__dirname, '../..'), 'serverless.yml'), { stage: 'contract', region: 'ap-southeast-1' });
const MAIN_TABLE = config.tables[0]!;

/**
 * A DynamoDB Local database for one contract file: made once (`beforeAll`), and a fresh copy of the main table
 * (serverless.yml's definition, under a new name) for every test, so no test reads what another wrote.
 * Documents are marshalled as the adapters' own client does.
 */
export function dynamoTables(): { freshTable(): Promise<{ db: DynamoDBDocumentClient; tableName: string }> } {
  let dynamo: RunningDynamo | undefined;
  let db: DynamoDBDocumentClient;
  let made = 0;
  beforeAll(async () => {
    // Phone digests in keys need a keyring (a Lambda's container installs one at cold start).
    installKeyring(newKeyring());
    dynamo = await testDynamo();
    db = DynamoDBDocumentClient.from(dynamo.client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  }, 60_000);
  afterAll(() => dynamo?.stop());
  return {
    async freshTable() {
      made += 1;
      const tableName = `${String(MAIN_TABLE.properties.TableName)}-${made}`;
      // No stream: nothing reads it here, and DynamoDB Local creates a table faster without.
      const { StreamSpecification: _stream, ...properties } = MAIN_TABLE.properties as Record<string, unknown>;
      await createTables(dynamo!.client, [{ ...MAIN_TABLE, properties: { ...properties, TableName: tableName } }]);
      return { db, tableName };
    },
  };
}
