import './polyfills';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { countKeyedItems, rekeyPhoneDigests } from '../lib/adapters/aws/dynamo-rekey';
import { installKeyring } from '../lib/adapters/keyring';
import { toShanghaiIso } from '../lib/domain/case';
import { Activity } from './activity';
import { VirtualClock } from './clock';
import { chooseStartTime, ClockStateFile } from './clock-state';
import { DynamoStreamPoller } from './dynamo-stream';
import { createTables, dynamoNamespace, startDynamo, type DynamoAccess } from './dynamodb';
import { FaultInjector, faultyDynamoProxy } from './faults';
import { close, listen, serveJson } from './http-util';
import { httpApi, type LocalRoute } from './http-api';
import { LocalIssuer, tokenRequestSchema } from './issuer';
import { LambdaRuntime } from './lambda-runtime';
import { parseSchedule } from './schedule';
import { loadKeyring, secretsFile } from './secrets';
import { seedDemoData } from './seed/seed';
import { ACCOUNT, loadServerlessConfig, type LocalConfig } from './serverless-config';
import { LocalStepFunctions } from './sfn/engine';
import { FileJournal, noJournal } from './sfn/journal';
import { sfnRoute } from './sfn/server';
import { SnsOutbox } from './sns-outbox';
import { ssmRoute } from './ssm';
import { readState, writeState } from './state-file';
import { advanceSummary, executionDetail, executionList, executionMarks, maskedOutbox } from './tools-routes';
import { demoPeople, serveConsole } from './web-console';

export interface LocalStackOptions {
  /** HTTP port for the API and /local routes; 0 picks a free one. */
  port?: number;
  /**
   * Folder for everything kept between runs (DynamoDB's tables, every execution's journal, the clock,
   * the schedules' last runs, the SMS outbox); `undefined` keeps everything in memory.
   */
  dataDir?: string;
  reset?: boolean;
  /** Virtual seconds per real second; 0 stops time between /local/clock/advance calls. */
  timeScale?: number;
  startAt?: Date;
  seed?: boolean;
  /** Fail this share (0–1) of Lambda, DynamoDB, Step Functions and SMS calls transiently, from this seed. */
  faults?: { rate: number; seed: number };
  log?: (line: string) => void;
  /**
   * A DynamoDB Local already running with namespaces (`startDynamo(…, { namespaces: true })`): an
   * in-memory stack keeps its tables in a namespace of its own there instead of booting a JVM (a test
   * run shares one warm JVM across its files this way). Ignored with `dataDir`.
   */
  sharedDynamodb?: string;
}

export interface LocalStack {
  url: string;
  endpoints: { dynamodb: string; stepFunctions: string; sns: string; ssm: string };
  /** The region and key that reach this stack's tables at `endpoints.dynamodb`. */
  dynamoAccess: DynamoAccess;
  config: LocalConfig;
  clock: VirtualClock;
  outbox: SnsOutbox;
  stepFunctions: LocalStepFunctions;
  issuer: LocalIssuer;
  /** The injected faults met so far (all zero without `faults`). */
  faults: FaultInjector;
  stateMachineArn(key: string): string;
  /** Calls one function of serverless.yml directly, as Lambda would (tests use it to replay a trigger). */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = resolve(__dirname, '..');
const STAGE = 'local';
const REGION = 'ap-southeast-1';
let running = false;

/** EventBridge Scheduler and SNS retry a failed Lambda delivery; so does the local stack (promptly). */
async function withRetries<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
  }
}

const lastRunsSchema = z.record(z.string(), z.number());
const advanceSchema = z.object({ seconds: z.number().nonnegative().max(400 * 24 * 3600) }).strict();
const inboundSmsSchema = z.object({ from: z.string().min(5).max(20), text: z.string().max(1000) }).strict();

/**
 * Starts the whole system on this machine: DynamoDB Local, a Step Functions service, an SNS outbox,
 * the HTTP API with a local JWT issuer, and the schedules of serverless.yml, all on one virtual clock.
 * Handlers reach them through the real AWS SDK clients; only the endpoints in the environment differ.
 * One stack per process: it gives each function its own view of the process environment.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (running) throw new Error('a local stack is already running in this process');
  running = true;
  const log = options.log ?? (() => undefined);
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    const config = loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: STAGE, region: REGION });
    // Executions doing a step, handler runs, and scheduled or inbound deliveries all report here.
    const activity = new Activity();
    const runtime = new LambdaRuntime(ROOT, config.functions, activity);
    // At rate 0 (the default) the injector never strikes: every service may hold it unconditionally.
    const faults = new FaultInjector(options.faults?.rate ?? 0, options.faults?.seed ?? 1);
    runtime.faults = faults;
    // eslint-disable-next-line prefer-const
    let stepFunctions: LocalStepFunctions;
    const streams: DynamoStreamPoller[] = [];
    // A stream gains records only from writes, and within the stack only handler runs write: a drain
    // that found nothing stays true until another run starts. The virtual clock settles after every
    // timer it fires, so this spares thousands of empty stream reads across a simulated week. Writes
    // from outside (a test's own client) are read by the pollers' own round, or a forced drain.
    let quietSinceRun = -1;
    const drainStreams = async (force = false) => {
      const runs = runtime.runs;
      const noneUnderWay = runtime.active === 0;
      if (!force && noneUnderWay && runs === quietSinceRun) return 0;
      let delivered = 0;
      for (const poller of streams) delivered += await poller.drain();
      if (delivered === 0 && noneUnderWay) quietSinceRun = runs;
      return delivered;
    };
    // Quiet means: no execution doing a step, no handler run, scheduled or inbound call under way, and
    // every stream read to its end (what a stream-triggered function ran may have started more work).
    // Waiting for quiet is told by the work itself as it ends, not found by looking again and again.
    const settle = async (force = false) => {
      for (let first = true; ; first = false) {
        await activity.idle(120_000);
        if ((await drainStreams(force && first)) === 0 && activity.isIdle()) return;
      }
    };
    const dataDir = options.dataDir;
    if (dataDir && options.reset) rmSync(dataDir, { recursive: true, force: true });
    if (dataDir) mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
    const timeScale = options.timeScale ?? 1;
    const clockFile = dataDir ? new ClockStateFile(join(dataDir, 'clock.json'), timeScale > 0) : undefined;
    const startAt = chooseStartTime(clockFile?.resumeAt(), options.startAt);
    const clock = new VirtualClock(timeScale, settle, startAt, (nowMs) => clockFile?.write(nowMs));
    clockFile?.write(clock.nowMs());
    cleanups.push(clock.install());
    cleanups.push(() => clockFile?.write(clock.nowMs()));

    // The keyring is kept before anything is keyed by it; a kept folder without one is checked below.
    const secrets = loadKeyring(dataDir);
    if (!secrets.fresh) secrets.save();
    installKeyring(secrets.keyring);

    // DynamoDB Local's JVM boots (a second and more, mostly its own) while this process registers the
    // state machines and opens its services; it is awaited only where it is first needed.
    const dynamoStarting =
      options.sharedDynamodb && !dataDir ? dynamoNamespace(options.sharedDynamodb, REGION) : startDynamo(dataDir ? join(dataDir, 'dynamodb') : undefined);
    dynamoStarting.catch(() => undefined);
    cleanups.push(async () => (await dynamoStarting.catch(() => undefined))?.stop());

    const journal = dataDir ? new FileJournal(join(dataDir, 'executions')) : noJournal;
    stepFunctions = new LocalStepFunctions(clock, (arn, payload) => runtime.invokeArn(arn, payload), REGION, ACCOUNT, journal, activity);
    for (const sm of config.stateMachines) stepFunctions.register(sm.arn, sm.name, sm.definition);
    cleanups.push(() => stepFunctions.stopAll());
    const sfnServer = await listen(serveJson(sfnRoute(stepFunctions, faults)));
    cleanups.push(() => close(sfnServer.server));

    const outbox = new SnsOutbox(() => clock.now(), log, dataDir ? join(dataDir, 'outbox.jsonl') : undefined, faults);
    const snsServer = await listen(serveJson(outbox.route()));
    cleanups.push(() => close(snsServer.server));

    // Handlers read the keyring from Parameter Store, as on AWS (functions/_shared/container.ts).
    const keyringParameters = runtime.valuesOf('PHONE_KEY_PARAMETER');
    if (keyringParameters.length === 0) throw new Error('serverless.yml gives the functions no PHONE_KEY_PARAMETER');
    const ssmServer = await listen(serveJson(ssmRoute(Object.fromEntries(keyringParameters.map((name) => [name, secrets.read])))));
    cleanups.push(() => close(ssmServer.server));

    const dynamo = await dynamoStarting;
    // Handlers reach DynamoDB through a proxy that fails some calls when faults are on.
    let dynamoForHandlers = dynamo.endpoint;
    if (options.faults) {
      const proxy = await listen(faultyDynamoProxy(new URL(dynamo.endpoint), faults));
      cleanups.push(() => close(proxy.server));
      dynamoForHandlers = `http://127.0.0.1:${proxy.port}`;
    }

    let handler: (req: any, res: any) => void = (_req, res) => {
      res.writeHead(503);
      res.end();
    };
    const api = await listen((req, res) => handler(req, res), options.port ?? 3000);
    cleanups.push(() => close(api.server));
    const url = `http://127.0.0.1:${api.port}`;
    const issuer = await LocalIssuer.create(`${url}/local/issuer`, `${config.service}-${STAGE}-console`, dataDir ? join(dataDir, 'issuer-key.json') : undefined);

    // Each function sees what serverless.yml gives it and what Lambda's runtime would set, nothing more.
    cleanups.push(
      runtime.provide({
        everyFunction: {
          AWS_REGION: REGION,
          AWS_DEFAULT_REGION: REGION,
          AWS_ACCESS_KEY_ID: dynamo.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: dynamo.credentials.secretAccessKey,
          AWS_SESSION_TOKEN: 'local',
          AWS_ENDPOINT_URL_DYNAMODB: dynamoForHandlers,
          AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${sfnServer.port}`,
          AWS_ENDPOINT_URL_SNS: `http://127.0.0.1:${snsServer.port}`,
          AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${ssmServer.port}`,
        },
        // The local issuer stands in for the Cognito user pool.
        // The console's links in SMS point to the console this stack serves.
        standIns: { JWT_ISSUER: issuer.issuer, JWT_AUDIENCE: issuer.audience, CONSOLE_URL: url },
      }),
    );

    await createTables(dynamo.client, config.tables);
    const mainTable = String(config.tables[0]?.properties.TableName);
    if (secrets.fresh) {
      // Tables but no keyring: a folder from before the keyring (its digests are the old unkeyed hash,
      // moved now), or one whose secrets.json was lost (its digests are lost with it: refuse to go on).
      const db = DynamoDBDocumentClient.from(dynamo.client);
      const keyed = await countKeyedItems(db, mainTable);
      if (keyed > 0) throw new Error(`${secretsFile(dataDir!)} is missing but ${keyed} items are keyed by it: restore the file, or start with --reset`);
      const report = await rekeyPhoneDigests(db, mainTable);
      secrets.save();
      log(`keyring created in ${secretsFile(dataDir!)}; ${report.moved} items moved from unkeyed phone digests`);
    }
    if (options.seed !== false && (await seedDemoData(DynamoDBDocumentClient.from(dynamo.client), mainTable))) log('demo data seeded');

    // Lambda's event source mappings: each stream-triggered function reads its table's stream from DynamoDB Local.
    const streamsClient = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region: dynamo.region, credentials: dynamo.credentials });
    cleanups.push(() => streamsClient.destroy());
    for (const fn of config.functions) {
      for (const trigger of fn.streams) {
        const table = config.tables.find((t) => t.logicalId === trigger.tableLogicalId)!;
        const poller = new DynamoStreamPoller({
          label: `${fn.name} ← ${trigger.tableLogicalId} stream`,
          streams: streamsClient,
          dynamo: dynamo.client,
          tableName: String(table.properties.TableName),
          region: REGION,
          trigger,
          invoke: (event) => runtime.invoke(fn, event, { answerMayBeLost: true }),
          ...(dataDir ? { checkpointFile: join(dataDir, `stream-${fn.name}-${trigger.tableLogicalId}.json`) } : {}),
          log,
        });
        await poller.start();
        streams.push(poller);
        cleanups.push(() => poller.stop());
      }
    }

    const restored = stepFunctions.restore();
    if (restored.running + restored.finished > 0) log(`executions restored: ${restored.running} running, ${restored.finished} finished`);

    // A schedule that fell due while the stack was down runs once at start, as a missed cron job would.
    const schedulesFile = dataDir ? join(dataDir, 'schedules.json') : undefined;
    const lastRuns: Record<string, number> = (schedulesFile && readState(schedulesFile, lastRunsSchema)) || {};
    for (const fn of config.functions) {
      for (const s of fn.schedules.filter((x) => x.enabled)) {
        const schedule = parseSchedule(s.expression, s.timezone);
        const label = `${fn.name} ${s.expression}`;
        const arm = (after: Date) =>
          clock.schedule(schedule.next(after).getTime(), label, () => {
            lastRuns[label] = clock.nowMs();
            if (schedulesFile) writeState(schedulesFile, lastRuns);
            activity
              .track(() => withRetries(() => runtime.invoke(fn, s.input ?? {}, { answerMayBeLost: true })))
              .catch((err: Error) => log(`schedule ${fn.name} failed: ${err.message}`));
            arm(clock.now());
          });
        lastRuns[label] ??= clock.nowMs();
        arm(new Date(Math.min(lastRuns[label]!, clock.nowMs())));
      }
    }
    if (schedulesFile) writeState(schedulesFile, lastRuns);

    const json = (body: string) => {
      try {
        return JSON.parse(body || '{}') as unknown;
      } catch {
        return undefined;
      }
    };
    const invalid = (message: string, fields?: Record<string, string>) => ({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message, ...(fields ? { fields } : {}) } },
    });
    const localRoutes: Record<string, LocalRoute> = {
      'GET /local/health': async () => {
        await dynamo.client.send(new ListTablesCommand({ Limit: 1 }));
        return { status: 200, body: { ok: true, now: toShanghaiIso(clock.now()) } };
      },
      'GET /local/issuer/.well-known/jwks.json': async () => ({ status: 200, body: issuer.jwks }),
      'POST /local/auth/token': async (_req, body) => {
        const parsed = tokenRequestSchema.safeParse(json(body));
        if (!parsed.success) return invalid('token request is invalid', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '(body)', i.message])));
        return { status: 200, body: { token: await issuer.mint(parsed.data) } };
      },
      // The local sign-in picker's people: the demo staff, each as the claims a token for them carries.
      'GET /local/auth/people': async () => ({ status: 200, body: demoPeople() }),
      'GET /local/faults': async () => ({ status: 200, body: { rate: faults.rate, seed: faults.seed, met: faults.counts() } }),
      // Everything queued before the request has been through the sender (or held, or dropped) when it answers.
      // `?masked=1` (the console's outbox tool): every number and tracking code masked, the newest first.
      'GET /local/outbox': async (_req, _body, u) => {
        await drainStreams(true);
        const messages = outbox.to(u.searchParams.get('to') ?? undefined);
        return { status: 200, body: u.searchParams.get('masked') === '1' ? maskedOutbox(messages).reverse() : messages };
      },
      // The console's executions tool: every execution (ids only from its input), and one with its history.
      'GET /local/executions': async () => ({ status: 200, body: executionList(stepFunctions) }),
      'GET /local/execution': async (_req, _body, u) => {
        const found = executionDetail(stepFunctions, u.searchParams.get('arn') ?? '');
        return found ? { status: 200, body: found } : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such execution' } } };
      },
      // As if the phone had replied by SMS: SNS two-way SMS delivers it to the inbound topic's subscribers.
      'POST /local/sms/inbound': async (_req, body) => {
        const parsed = inboundSmsSchema.safeParse(json(body));
        if (!parsed.success) return invalid('inbound SMS needs {from, text}', Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '(body)', i.message])));
        const topic = `${config.service}-${STAGE}-sms-inbound`;
        const message = { originationNumber: parsed.data.from, destinationNumber: '+8610690000', messageKeyword: 'MINQING', messageBody: parsed.data.text, inboundMessageId: randomUUID() };
        const event = {
          Records: [{ EventSource: 'aws:sns', Sns: { MessageId: randomUUID(), TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${topic}`, Message: JSON.stringify(message), Timestamp: clock.now().toISOString() } }],
        };
        const subscribers = config.functions.filter((fn) => fn.topics.includes(topic));
        await activity.track(async () => {
          for (const fn of subscribers) await withRetries(() => runtime.invoke(fn, event, { answerMayBeLost: true }));
        });
        // The answer to a reply (a rating's thanks, 已签到) is queued, not sent, by the subscriber: it is
        // through the sender when this answers, so a script may read the outbox next.
        await drainStreams();
        return { status: 202, body: { delivered: subscribers.length } };
      },
      // Waits until every execution is waiting on a person or a timer: scripts and tests use it instead of sleeps.
      'POST /local/settle': async () => {
        await settle(true);
        return { status: 200, body: { now: toShanghaiIso(clock.now()) } };
      },
      'POST /local/clock/advance': async (_req, body) => {
        const parsed = advanceSchema.safeParse(json(body));
        if (!parsed.success) return invalid('advance needs {seconds}', { seconds: parsed.error.issues[0]?.message ?? 'invalid' });
        const look = () => ({ timersFired: clock.firedCount, sms: outbox.messages.length, executions: executionMarks(stepFunctions) });
        const before = look();
        // Settled after every timer: what the fired timers queued has been through the sender when this answers.
        const now = await clock.advance(parsed.data.seconds);
        return { status: 200, body: { now: toShanghaiIso(now), fired: advanceSummary(before, look()) } };
      },
    };
    const apiHandler = httpApi(runtime, issuer, localRoutes, config.cors);
    // The console (web/dist) at `/`; everything else is the API's.
    handler = (req, res) => {
      if (!serveConsole(req, res)) apiHandler(req, res);
    };

    // Run first when stopping: the journal is closed and executions let go before queued invocations
    // are refused, so nothing a refusal sets off is written down; stream pollers then stop at once.
    cleanups.push(() => {
      stepFunctions.stopAll();
      runtime.refuseQueued();
    });
    const stack: LocalStack = {
      url,
      dynamoAccess: { region: dynamo.region, credentials: dynamo.credentials },
      endpoints: { dynamodb: dynamo.endpoint, stepFunctions: `http://127.0.0.1:${sfnServer.port}`, sns: `http://127.0.0.1:${snsServer.port}`, ssm: `http://127.0.0.1:${ssmServer.port}` },
      config,
      clock,
      outbox,
      stepFunctions,
      issuer,
      faults,
      stateMachineArn(key) {
        const sm = config.stateMachines.find((m) => m.key === key);
        if (!sm) throw new Error(`no state machine ${key}`);
        return sm.arn;
      },
      invoke(functionName, event) {
        const fn = config.functions.find((f) => f.name === functionName);
        if (!fn) throw new Error(`no function ${functionName}`);
        return runtime.invoke(fn, event);
      },
      settle: () => settle(true),
      async stop() {
        for (const cleanup of cleanups.reverse()) await cleanup();
        running = false;
      },
    };
    return stack;
  } catch (err) {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    running = false;
    throw err;
  }
}
