import { dynamoNamespace, startDynamo, type RunningDynamo } from '../../local/dynamodb';
import { SHARED_DYNAMODB_VARIABLE } from '../setup/shared-dynamodb';

/** The run's shared DynamoDB Local (jest's global setup), if this process was given one. */
export function sharedDynamodb(): string | undefined {
  return process.env[SHARED_DYNAMODB_VARIABLE] || undefined;
}

/**
 * A DynamoDB Local database of this test file's own: a fresh namespace in the run's shared JVM, or (run
 * outside jest's global setup) a JVM of its own. `stop()` gives it back either way.
 */
export function testDynamo(): Promise<RunningDynamo> {
  const shared = sharedDynamodb();
  return shared ? dynamoNamespace(shared, 'ap-southeast-1') : startDynamo(undefined);
}
