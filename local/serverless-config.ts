import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';

/**
 * Reads serverless.yml the way the framework does for the parts the local stack runs: variables
 * (`${opt:…}`, `${sls:stage}`, `${self:…}`, `${param:…}`, `${file(…)}`) and CloudFormation intrinsics
 * (`Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`) resolved to local names. An unknown variable source
 * fails loudly rather than guessing.
 */
export const ACCOUNT = '000000000000';

export interface LocalFunction {
  name: string;
  handler: string;
  arn: string;
  /** What serverless.yml gives this function: the provider's `environment` and its own, nothing else. */
  environment: Record<string, string>;
  /** Seconds an invocation may run before Lambda stops it (the function's `timeout`, else the provider's). */
  timeout: number;
  memorySize: number;
  http: Array<{ method: string; path: string; authorizer?: string }>;
  schedules: Array<{ expression: string; timezone?: string; input?: unknown; enabled: boolean }>;
  /** Names of the SNS topics the function subscribes to. */
  topics: string[];
  /** DynamoDB streams that trigger the function, with how Lambda's event source mapping reads them. */
  streams: LocalStreamTrigger[];
}

/** A `stream` event of type `dynamodb`, with AWS's defaults where serverless.yml says nothing. */
export interface LocalStreamTrigger {
  /** Logical id of the table in `resources` whose stream it reads. */
  tableLogicalId: string;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  batchSize: number;
  /** -1: until the record expires, as Lambda does. */
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  reportBatchItemFailures: boolean;
  /** Lambda event filter patterns (any one must match); none: every record. */
  filterPatterns: unknown[];
}

export interface LocalStateMachine {
  key: string;
  logicalId: string;
  name: string;
  arn: string;
  definition: Record<string, unknown>;
}

export interface LocalTable {
  logicalId: string;
  properties: Record<string, unknown>;
}

/** `provider.httpApi.cors` as the framework compiles it into the HTTP API's CorsConfiguration. */
export interface LocalCors {
  allowOrigins: string[];
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders: string[];
  allowCredentials: boolean;
  maxAge?: number;
}

export interface LocalConfig {
  service: string;
  stage: string;
  region: string;
  /** `undefined` when serverless.yml turns CORS off: the gateway then answers no preflight. */
  cors: LocalCors | undefined;
  functions: LocalFunction[];
  stateMachines: LocalStateMachine[];
  tables: LocalTable[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function lookup(root: Json, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

function parseDefault(raw: string | undefined): Json | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (/^'.*'$|^".*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Reads a `stream` event; only DynamoDB streams of tables declared in `resources` run locally. */
function streamTrigger(fnName: string, stream: any, resources: Record<string, { Type: string }>): LocalStreamTrigger {
  const tableLogicalId = stream?.arn?.['Fn::GetAtt']?.[1] === 'StreamArn' ? String(stream.arn['Fn::GetAtt'][0]) : undefined;
  if (stream?.type !== 'dynamodb' || !tableLogicalId || resources[tableLogicalId]?.Type !== 'AWS::DynamoDB::Table') {
    throw new Error(`serverless.yml: ${fnName}: only a dynamodb stream given as { Fn::GetAtt: [<table>, StreamArn] } runs locally`);
  }
  return {
    tableLogicalId,
    startingPosition: stream.startingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
    batchSize: Number(stream.batchSize ?? 100),
    maximumRetryAttempts: Number(stream.maximumRetryAttempts ?? -1),
    bisectBatchOnFunctionError: stream.bisectBatchOnFunctionError === true,
    reportBatchItemFailures: stream.functionResponseType === 'ReportBatchItemFailures',
    filterPatterns: (stream.filterPatterns ?? []) as unknown[],
  };
}

export function loadServerlessConfig(file: string, opts: { stage: string; region: string }): LocalConfig {
  const baseDir = dirname(file);
  const raw = yaml.load(readFileSync(file, 'utf8')) as { [k: string]: Json };
  const params = (lookup(raw, 'params.default') ?? {}) as { [k: string]: Json };

  const resolveVariable = (expr: string): Json | undefined => {
    const fileMatch = /^file\(([^)]+)\)$/.exec(expr.trim());
    if (fileMatch) return yaml.load(readFileSync(join(baseDir, fileMatch[1]!.trim()), 'utf8')) as Json;
    const [source, ...rest] = expr.split(',');
    const fallback = parseDefault(rest.length ? rest.join(',') : undefined);
    const [kind, ...addr] = source!.trim().split(':');
    const address = addr.join(':');
    switch (kind) {
      case 'opt':
        return address === 'stage' ? opts.stage : address === 'region' ? opts.region : fallback;
      case 'sls':
        if (address === 'stage') return opts.stage;
        break;
      case 'self':
        return lookup(raw, address) ?? fallback;
      case 'param':
        return params[address] ?? fallback;
      default:
    }
    throw new Error(`serverless.yml: unsupported variable \${${expr}}`);
  };

  const resolve = (node: Json): Json => {
    if (typeof node === 'string') {
      const whole = /^\$\{(?![A-Za-z]+::)([^{}]+)\}$/.exec(node);
      if (whole) {
        const value = resolveVariable(whole[1]!);
        return value === undefined ? '' : resolve(value);
      }
      // `${AWS::Region}` and friends belong to CloudFormation's Fn::Sub, not to the framework.
      const variable = /\$\{(?![A-Za-z]+::)([^{}]+)\}/;
      let out = node;
      for (let guard = 0; variable.test(out) && guard < 20; guard += 1) {
        out = out.replace(new RegExp(variable.source, 'g'), (_m, expr: string) => String(resolve(resolveVariable(expr) ?? '')));
      }
      return out;
    }
    if (Array.isArray(node)) return node.map(resolve);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
    return node;
  };

  const config = resolve(raw) as { [k: string]: any };
  const service = String(config.service);
  const region = opts.region;
  const resources: Record<string, { Type: string; Properties?: Record<string, Json> }> = config.resources?.Resources ?? {};
  const logicalIdOf = (fnName: string) => `${fnName[0]!.toUpperCase()}${fnName.slice(1)}LambdaFunction`;
  const fnArn = (fnName: string) => `arn:aws:lambda:${region}:${ACCOUNT}:function:${service}-${opts.stage}-${fnName}`;

  const stateMachineEntries = Object.entries(config.stepFunctions?.stateMachines ?? {}) as Array<[string, any]>;
  const smArn = (name: string) => `arn:aws:states:${region}:${ACCOUNT}:stateMachine:${name}`;
  const fnNames = Object.keys(config.functions ?? {});

  const intrinsic = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(intrinsic);
    if (!node || typeof node !== 'object') return node;
    if ('Ref' in node) {
      const ref = String(node.Ref);
      if (ref === 'AWS::Region') return region;
      if (ref === 'AWS::AccountId') return ACCOUNT;
      if (ref === 'AWS::Partition') return 'aws';
      const sm = stateMachineEntries.find(([, v]) => v.id === ref);
      if (sm) return smArn(sm[1].name);
      const res = resources[ref];
      if (res?.Type === 'AWS::DynamoDB::Table') return String(res.Properties?.TableName);
      if (res) return `local-${ref}`;
      throw new Error(`serverless.yml: cannot resolve Ref ${ref} locally`);
    }
    if ('Fn::GetAtt' in node) {
      const [id, attr] = node['Fn::GetAtt'] as [string, string];
      const fn = fnNames.find((n) => logicalIdOf(n) === id);
      if (fn && attr === 'Arn') return fnArn(fn);
      const res = resources[id];
      if (res?.Type === 'AWS::DynamoDB::Table' && attr === 'Arn') {
        return `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${String(res.Properties?.TableName)}`;
      }
      if (res) return `local-${id}-${attr}`;
      throw new Error(`serverless.yml: cannot resolve Fn::GetAtt ${id}.${attr} locally`);
    }
    if ('Fn::Join' in node) {
      const [sep, parts] = node['Fn::Join'] as [string, Json[]];
      return parts.map((p) => String(intrinsic(p))).join(sep);
    }
    if ('Fn::Sub' in node) {
      const template = String(Array.isArray(node['Fn::Sub']) ? node['Fn::Sub'][0] : node['Fn::Sub']);
      return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) => String(intrinsic({ Ref: name })));
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, intrinsic(v)]));
  };

  const providerEnv = (config.provider?.environment ?? {}) as { [k: string]: Json };
  // The framework's own defaults where neither the function nor the provider says.
  const providerTimeout = Number(config.provider?.timeout ?? 6);
  const providerMemory = Number(config.provider?.memorySize ?? 1024);
  const functions: LocalFunction[] = fnNames.map((name) => {
    const fn = config.functions[name];
    const environment = Object.fromEntries(
      Object.entries({ ...providerEnv, ...(fn.environment ?? {}) }).map(([k, v]) => [k, String(intrinsic(v as Json))]),
    );
    const events: any[] = fn.events ?? [];
    return {
      name,
      handler: String(fn.handler),
      arn: fnArn(name),
      environment,
      timeout: Number(fn.timeout ?? providerTimeout),
      memorySize: Number(fn.memorySize ?? providerMemory),
      http: events
        .filter((e) => e.httpApi)
        .map((e) => ({ method: String(e.httpApi.method).toUpperCase(), path: String(e.httpApi.path), ...(e.httpApi.authorizer ? { authorizer: String(e.httpApi.authorizer.name ?? e.httpApi.authorizer) } : {}) })),
      schedules: events
        .filter((e) => e.schedule)
        .map((e) => ({
          expression: String(e.schedule.rate ?? e.schedule),
          ...(e.schedule.timezone ? { timezone: String(e.schedule.timezone) } : {}),
          ...(e.schedule.input !== undefined ? { input: e.schedule.input } : {}),
          enabled: e.schedule.enabled !== false,
        })),
      topics: events.filter((e) => e.sns).map((e) => String(typeof e.sns === 'string' ? e.sns : e.sns.topicName)),
      streams: events.filter((e) => e.stream).map((e) => streamTrigger(name, e.stream, resources)),
    };
  });

  const stateMachines: LocalStateMachine[] = stateMachineEntries.map(([key, sm]) => ({
    key,
    logicalId: String(sm.id),
    name: String(sm.name),
    arn: smArn(String(sm.name)),
    definition: intrinsic(sm.definition) as Record<string, unknown>,
  }));

  const tables: LocalTable[] = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::DynamoDB::Table')
    .map(([logicalId, r]) => ({ logicalId, properties: r.Properties as Record<string, unknown> }));

  return { service, stage: opts.stage, region, cors: corsOf(config.provider?.httpApi?.cors, functions), functions, stateMachines, tables };
}

/** What the framework sets for `cors: true` (osls lib/plugins/aws/package/compile/events/http-api.js). */
const DEFAULT_CORS_ORIGINS = ['*'];
const DEFAULT_CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'];

/**
 * The framework's rules: `true` takes its defaults; an object overrides origins and headers, and
 * without `allowedMethods` the methods are OPTIONS plus every method a route uses.
 */
function corsOf(cors: any, functions: LocalFunction[]): LocalCors | undefined {
  if (!cors) return undefined;
  const custom = cors === true ? {} : cors;
  const list = (value: unknown, fallback: string[]) => (value === undefined ? fallback : (Array.isArray(value) ? value : [value]).map(String));
  const routeMethods = ['OPTIONS', ...new Set(functions.flatMap((fn) => fn.http.map((h) => h.method)))];
  return {
    allowOrigins: list(custom.allowedOrigins, DEFAULT_CORS_ORIGINS),
    allowHeaders: list(custom.allowedHeaders, DEFAULT_CORS_HEADERS),
    allowMethods: list(custom.allowedMethods, routeMethods),
    exposeHeaders: list(custom.exposedResponseHeaders, []),
    allowCredentials: custom.allowCredentials === true,
    ...(custom.maxAge !== undefined ? { maxAge: Number(custom.maxAge) } : {}),
  };
}
