import { startDynamo } from '../local/dynamodb';

/** The startup bench's floor: DynamoDB Local as the stack starts it (in memory), until it answers. */
startDynamo(undefined).then(
  (dynamo) => {
    process.stdout.write('dynamodb ready\n');
    const stop = () => dynamo.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
  },
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
