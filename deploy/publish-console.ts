/**
 * Publishes the built console (web/dist) to the stack's console bucket, after `serverless deploy`:
 *
 *   npm run build
 *   npx tsx deploy/publish-console.ts --stage prod --region ap-southeast-1          # needs AWS credentials
 *   npx tsx deploy/publish-console.ts --stage prod --region ap-southeast-1 --plan   # uploads nothing
 *
 * It reads the stack's outputs (through the AWS CLI, or from `--outputs <file>`: the JSON that
 * `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` prints), writes web/dist/config.json
 * from them, uploads the hashed assets first (cached a year) and then index.html and config.json
 * (no-cache), and invalidates the distribution. The AWS CLI does the transfers: the operator who ran
 * `serverless deploy` has it and its credentials, and three AWS SDK clients would be weight for one sync.
 * With --plan it still writes config.json, and prints the commands instead of running them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';

const ROOT = resolve(__dirname, '..');
export const DIST = join(ROOT, 'web', 'dist');
const SERVICE = 'minqing';

const httpsUrl = z.url({ protocol: /^https$/ }).transform((u) => u.replace(/\/+$/, ''));

/** The stack outputs the console needs (serverless.yml, `Outputs`). */
export const ConsoleOutputs = z.object({
  ConsoleUrl: httpsUrl,
  ConsoleBucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not an S3 bucket name'),
  ConsoleDistributionId: z.string().regex(/^[A-Z0-9]+$/, 'not a CloudFront distribution id'),
  ConsoleAuthDomain: httpsUrl,
  UserPoolIssuer: httpsUrl.refine((u) => /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+_\w+$/.test(u), 'not a Cognito user pool issuer'),
  UserPoolClientId: z.string().regex(/^[a-z0-9]+$/, 'not a Cognito app client id'),
  HttpApiUrl: httpsUrl,
  /** Only when the WAF edge is deployed (`edgeWebAclArn`): then the console goes through it. */
  EdgeUrl: httpsUrl.optional(),
});
export type ConsoleOutputs = z.infer<typeof ConsoleOutputs>;

/** `describe-stacks` lists outputs as {OutputKey, OutputValue}; other outputs of the stack are ignored. */
const StackOutputList = z.array(z.object({ OutputKey: z.string(), OutputValue: z.string() }).loose());

export function parseStackOutputs(json: unknown): ConsoleOutputs {
  const list = StackOutputList.parse(json);
  const parsed = ConsoleOutputs.safeParse(Object.fromEntries(list.map((o) => [o.OutputKey, o.OutputValue])));
  if (!parsed.success) throw new Error(`The stack's outputs do not describe a console:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * web/dist/config.json (web/src/config.ts, ConsoleConfig). The endpoints are given outright: Cognito's
 * discovery document names no end_session_endpoint, and its authorize, token and logout endpoints live on
 * the hosted UI's domain, not on the issuer.
 */
export function consoleConfig(outputs: ConsoleOutputs) {
  return {
    apiBase: outputs.EdgeUrl ?? outputs.HttpApiUrl,
    auth: {
      kind: 'oidc' as const,
      issuer: outputs.UserPoolIssuer,
      clientId: outputs.UserPoolClientId,
      scopes: 'openid email profile',
      authorizationEndpoint: `${outputs.ConsoleAuthDomain}/oauth2/authorize`,
      tokenEndpoint: `${outputs.ConsoleAuthDomain}/oauth2/token`,
      endSessionEndpoint: `${outputs.ConsoleAuthDomain}/logout`,
    },
  };
}

/**
 * The AWS CLI commands that publish web/dist, in order. Assets first, so index.html never names a file
 * not yet there; old assets are kept (the sync of the rest excludes them from --delete), so a phone still
 * on the previous index.html can load its lazy chunks. Nothing but /assets/* is cached at the edge; the
 * invalidation clears what an earlier publish (or a cached error) left there.
 */
export function publishCommands(outputs: ConsoleOutputs, region: string, dist = DIST): string[][] {
  const bucket = `s3://${outputs.ConsoleBucketName}`;
  return [
    ['aws', 's3', 'sync', join(dist, 'assets'), `${bucket}/assets`, '--region', region, '--cache-control', 'public, max-age=31536000, immutable'],
    ['aws', 's3', 'sync', dist, bucket, '--region', region, '--exclude', 'assets/*', '--delete', '--cache-control', 'no-cache'],
    ['aws', 'cloudfront', 'create-invalidation', '--distribution-id', outputs.ConsoleDistributionId, '--paths', '/*'],
  ];
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

const Args = z.object({
  stage: z.string().regex(/^[a-zA-Z0-9-]+$/),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as ap-southeast-1'),
  outputs: z.string().optional(),
  plan: z.boolean(),
});

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const raw: Record<string, string | boolean> = { plan: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!.replace(/^--/, '');
    if (flag === 'plan') raw.plan = true;
    else raw[flag] = argv[++i] ?? '';
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) throw new Error(`Usage: tsx deploy/publish-console.ts --stage <stage> --region <region> [--outputs <file>] [--plan]\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/dist/index.html is missing: run `npm run build` first');
  const json = args.outputs
    ? readFileSync(args.outputs, 'utf8')
    : execFileSync('aws', ['cloudformation', 'describe-stacks', '--stack-name', `${SERVICE}-${args.stage}`, '--region', args.region, '--query', 'Stacks[0].Outputs', '--output', 'json'], { encoding: 'utf8' });
  const outputs = parseStackOutputs(JSON.parse(json));
  writeFileSync(join(DIST, 'config.json'), `${JSON.stringify(consoleConfig(outputs), null, 2)}\n`);
  console.log(`wrote web/dist/config.json for ${outputs.ConsoleUrl}`);
  for (const [cmd, ...rest] of publishCommands(outputs, args.region)) {
    console.log([cmd!, ...rest].map(shellQuote).join(' '));
    if (!args.plan) execFileSync(cmd!, rest, { stdio: 'inherit' });
  }
  console.log(args.plan ? 'plan only: nothing uploaded' : `published: ${outputs.ConsoleUrl}`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
