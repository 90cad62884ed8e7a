import { startDynamo, type RunningDynamo } from '../../local/dynamodb';

/**
 * Jest's global setup: one DynamoDB Local for the whole run, started with namespaces, so each test
 * file's stack (and each contract suite) gets a database of its own in a JVM that is already up and
 * warm, instead of booting a cold JVM per file. Its endpoint reaches the workers in the environment.
 */
export const SHARED_DYNAMODB_VARIABLE = 'MINQING_TEST_DYNAMODB';

const handle = globalThis as { sharedDynamodb?: RunningDynamo };

export default async function startSharedDynamodb(): Promise<void> {
  handle.sharedDynamodb = await startDynamo(undefined, { namespaces: true });
  process.env[SHARED_DYNAMODB_VARIABLE] = handle.sharedDynamodb.endpoint;
}

export async function stopSharedDynamodb(): Promise<void> {
  await handle.sharedDynamodb?.stop();
}
