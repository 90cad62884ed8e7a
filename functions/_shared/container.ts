import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import * as z from 'zod';
import { documentClient } from '../../lib/adapters/aws/dynamo';
import { DynamoCaseStore } from '../../lib/adapters/aws/dynamo-case-store';
import { DynamoOnceStore } from '../../lib/adapters/aws/dynamo-once-store';
import { DynamoOptOutStore } from '../../lib/adapters/aws/dynamo-opt-out-store';
import { DynamoPointsLedger } from '../../lib/adapters/aws/dynamo-points-ledger';
import { DynamoRateLimiter } from '../../lib/adapters/aws/dynamo-rate-limiter';
import { DynamoReferenceData } from '../../lib/adapters/aws/dynamo-reference-data';
import { DynamoRepairStore } from '../../lib/adapters/aws/dynamo-repair-store';
import { DynamoSmsOutbox } from '../../lib/adapters/aws/dynamo-sms-outbox';
import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import { DynamoWishStore } from '../../lib/adapters/aws/dynamo-wish-store';
import { emfMetrics } from '../../lib/adapters/aws/emf-metrics';
import { SfnWorkflows } from '../../lib/adapters/aws/sfn-workflows';
import { SnsSmsSender } from '../../lib/adapters/aws/sns-sms-sender';
import { keyringFromSsm } from '../../lib/adapters/aws/ssm-keyring';
import { installKeyring } from '../../lib/adapters/keyring';
import { JwksTokenVerifier } from '../../lib/adapters/jwks-token-verifier';
import { consoleUrlSchema, parseConfig } from '../../lib/config';
import { log } from '../../lib/log';
import { systemClock } from '../../lib/ports/clock';
import type { TokenVerifier } from '../../lib/ports/token-verifier';
import type { WorkflowName } from '../../lib/ports/workflows';
import type { Ports } from '../../lib/use-cases/ports';

/** The variable that names each workflow's state machine (serverless.yml gives it only where it is used). */
export const ARN_VARIABLES = {
  'case-lifecycle': 'CASE_LIFECYCLE_ARN',
  'companion-visit': 'COMPANION_VISIT_ARN',
  'weekly-roster': 'WEEKLY_ROSTER_ARN',
  wish: 'WISH_ARN',
  'wish-claim': 'WISH_CLAIM_ARN',
  'wish-matching': 'WISH_MATCHING_ARN',
  reconcile: 'RECONCILE_ARN',
} as const satisfies Record<WorkflowName, string>;

/** What every function that uses the ports is given (serverless.yml's provider environment). */
const portsConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  // Only the SMS sender publishes, and only it is given a sender id (an empty one: none).
  SMS_SENDER_ID: z.string().optional(),
  CENTRE_STAFF_ID: z.string().min(1).default('admin-centre'),
  DISTRICT_DEPARTMENT_ID: z.string().min(1).default('district'),
  // Only the functions whose texts point to the console are given it (serverless.yml).
  CONSOLE_URL: consoleUrlSchema,
});

/** What one function's handler says it needs beyond the table: the workflows it starts or looks up. */
export interface FunctionNeeds {
  workflows?: readonly WorkflowName[];
}

/**
 * A function's configuration, parsed when its handler module loads (call it at the module's top level:
 * that is the cold start), and the getter of its composition root. Every workflow it names must have
 * its ARN variable, or the cold start fails naming it; workflows it does not name are not configured,
 * so using one fails loudly. The adapters are built once, on first use.
 */
export function functionDeps(needs: FunctionNeeds = {}): () => Ports {
  const workflows = needs.workflows ?? [];
  const arnShape = Object.fromEntries(workflows.map((workflow) => [ARN_VARIABLES[workflow], z.string().min(1)]));
  const config = parseConfig(portsConfigSchema.extend(arnShape)) as z.infer<typeof portsConfigSchema> & Record<string, string>;
  const stateMachineArns = Object.fromEntries(workflows.map((workflow) => [workflow, config[ARN_VARIABLES[workflow]]!]));
  let built: Ports | undefined;
  return () => (built ??= build(config, stateMachineArns));
}

/** The composition root: adapters built once per cold start, from configuration only. */
function build(config: z.infer<typeof portsConfigSchema>, stateMachineArns: Partial<Record<WorkflowName, string>>): Ports {
  const db = documentClient();
  const clock = systemClock;
  return {
    clock,
    cases: new DynamoCaseStore(db, config.TABLE_NAME),
    reference: new DynamoReferenceData(db, config.TABLE_NAME),
    visits: new DynamoVisitStore(db, config.TABLE_NAME),
    wishes: new DynamoWishStore(db, config.TABLE_NAME),
    ledger: new DynamoPointsLedger(db, config.TABLE_NAME),
    repair: new DynamoRepairStore(db, config.TABLE_NAME),
    metrics: emfMetrics,
    once: new DynamoOnceStore(db, config.TABLE_NAME, clock),
    outbox: new DynamoSmsOutbox(db, config.TABLE_NAME),
    optOuts: new DynamoOptOutStore(db, config.TABLE_NAME),
    limiter: new DynamoRateLimiter(db, config.TABLE_NAME),
    centre: { staffId: config.CENTRE_STAFF_ID, districtDepartmentId: config.DISTRICT_DEPARTMENT_ID },
    consoleUrl: config.CONSOLE_URL,
    // Only the sender function's role may publish (serverless.yml): every other use case queues in `outbox`.
    sms: new SnsSmsSender(new SNSClient({}), config.SMS_SENDER_ID),
    workflows: new SfnWorkflows(new SFNClient({}), stateMachineArns),
  };
}

/**
 * The verifier of bearer tokens, for the functions whose routes have no gateway authorizer (public
 * routes and those open to residents): parsed at cold start, so a function given no issuer fails then.
 */
export function tokenVerifierFromConfig(): TokenVerifier {
  const config = parseConfig(z.object({ JWT_ISSUER: z.string().url(), JWT_AUDIENCE: z.string().min(1) }));
  return new JwksTokenVerifier(config.JWT_ISSUER, config.JWT_AUDIENCE);
}

/** How long an instance trusts the keyring it read: a rotation reaches every warm instance within it. */
const KEYRING_MAX_AGE_MS = 5 * 60_000;
let keyring: { loaded: Promise<void>; at: number } | undefined;

/**
 * Resolves once the phone-digest keyring is installed, read from SSM Parameter Store at cold start and
 * again every five minutes (so a rotation's steps reach warm instances: docs/privacy.md). Every handler
 * awaits it before its first use of the container. A failed first read is retried by the next
 * invocation; a failed refresh keeps the keyring already installed. Real time, not the clock port: the
 * local stack's virtual clock may stand still.
 */
export function containerReady(): Promise<void> {
  const now = performance.now();
  if (keyring && now - keyring.at < KEYRING_MAX_AGE_MS) return keyring.loaded;
  const load = keyringFromSsm(new SSMClient({}), parseConfig(z.object({ PHONE_KEY_PARAMETER: z.string().min(1) })).PHONE_KEY_PARAMETER).then(installKeyring);
  keyring = {
    at: now,
    loaded: keyring
      ? load.catch((err: unknown) => log.warn('keyring refresh failed; keeping the installed one', { error: err }))
      : load.catch((err: unknown) => {
          keyring = undefined;
          throw err;
        }),
  };
  return keyring.loaded;
}
