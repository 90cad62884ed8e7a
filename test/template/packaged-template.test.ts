import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { loadServerlessConfig } from '../../local/serverless-config';
import { unpackFunction } from '../support/function-bundle';
import { packagedService } from '../support/packaged-service';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };

const ROOT = resolve(__dirname, '../..');
const LOCAL = loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });

/**
 * How many functions and state machines the stack has: written out, so adding one is a conscious edit
 * here too (and checked against serverless.yml, so the two cannot drift apart).
 */
const FUNCTION_COUNT = 52;
const STATE_MACHINE_COUNT = 7;

/**
 * Every task of the wish, wish-claim and companion-visit workflows is its own function, and its role
 * holds exactly these Step Functions actions: SendTaskSuccess only where a task answers its own wait,
 * SendTaskFailure only where a lapsed claim is released (failing the wish's wait for fulfilment),
 * StartExecution only where a case is opened on someone's behalf. Tasks that only read write nothing.
 */
const TASK_STATES_ACTIONS: Record<string, { states: string[]; readOnly?: true }> = {
  WishAwait: { states: ['states:SendTaskSuccess'] },
  WishRemindVet: { states: [] },
  WishReject: { states: [] },
  WishPublish: { states: [] },
  WishTimeLeft: { states: [], readOnly: true },
  WishExpire: { states: ['states:SendTaskFailure'] },
  WishThank: { states: [] },
  WishClaimPlan: { states: [], readOnly: true },
  WishClaimCheck: { states: ['states:SendTaskFailure'] },
  VisitPlan: { states: [], readOnly: true },
  VisitRemind: { states: [] },
  VisitAwait: { states: ['states:SendTaskSuccess'] },
  VisitMissed: { states: [] },
  VisitWelfareCheck: { states: ['states:StartExecution'] },
  VisitConcern: { states: ['states:StartExecution'] },
  VisitComplete: { states: [] },
};
/**
 * What keeps the functions lean (README, "Function bundles"): Lambda downloads and unpacks the zip at
 * every cold start. The JS bound sits well above today's ~175–225 KB and well below what one
 * `import { z } from 'zod'` brings back (the whole z namespace, all locales: ~360 KB more).
 */
const ZIP_BOUND_BYTES = 150 * 1024;
const JS_BOUND_BYTES = 300 * 1024;
/** A minified bundle is a few long lines (license comments keep theirs); esbuild's readable output is ~20,000. */
const MINIFIED_MAX_LINES = 200;
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Resources that AWS offers no ARN for, each with why. Anything else must name its resource. */
const WILDCARD_ALLOWED = new Set([
  'xray:PutTraceSegments', // trace segments have no resource
  'xray:PutTelemetryRecords',
  'sns:Publish', // SMS straight to a phone number has no resource ARN
  // Step Functions' vended-logs delivery must be granted on '*' (AWS documents no narrower form).
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
]);

/**
 * Routes residents use without an account (the last two also serve staff, whose bearer token the
 * handler verifies itself); every other route must carry the JWT authorizer.
 */
const PUBLIC_ROUTES = new Set(['GET /v1/categories', 'GET /v1/grids', 'GET /v1/departments', 'POST /v1/cases', 'GET /v1/cases/{caseId}', 'POST /v1/cases/{caseId}/actions', 'GET /v1/wishes', 'GET /v1/openapi.json']);

describe('the packaged CloudFormation template', () => {
  let dir: string;
  let resources: Record<string, Resource>;
  let raw: string;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  beforeAll(() => {
    dir = packagedService();
    raw = readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8');
    resources = JSON.parse(raw).Resources;
  }, 120_000);

  it('runs every function on nodejs22.x, arm64, with JSON logs and its own role', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(LOCAL.functions).toHaveLength(FUNCTION_COUNT);
    expect(functions).toHaveLength(FUNCTION_COUNT);
    const roles = new Set<string>();
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.LoggingConfig.LogFormat).toBe('JSON');
      roles.add(fn.Properties.Role['Fn::GetAtt'][0]);
    }
    expect(roles.size).toBe(functions.length);
  });

  it('grants no wildcard resource except where AWS has no narrower one', () => {
    const offenders: string[] = [];
    for (const [name, role] of ofType('AWS::IAM::Role')) {
      for (const policy of role.Properties.Policies ?? []) {
        for (const statement of policy.PolicyDocument.Statement as Statement[]) {
          const targets = ([] as unknown[]).concat(statement.Resource);
          const actions = ([] as string[]).concat(statement.Action);
          if (targets.includes('*')) offenders.push(...actions.filter((a) => !WILDCARD_ALLOWED.has(a)).map((a) => `${name}: ${a}`));
          expect(actions.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('builds ARNs with the partition, so the same template deploys to aws-cn', () => {
    expect(raw).not.toMatch(/"arn:aws:/);
    expect(raw).not.toMatch(/[^$]arn:aws:[a-z]/);
  });

  it('protects every staff route with the Cognito JWT authorizer', () => {
    expect(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey)).toEqual(expect.arrayContaining(['GET /v1/worklist', 'GET /v1/metrics']));
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes.length).toBeGreaterThanOrEqual(PUBLIC_ROUTES.size);
    for (const route of routes) {
      if (PUBLIC_ROUTES.has(route.RouteKey)) continue;
      expect({ route: route.RouteKey, auth: route.AuthorizationType }).toEqual({ route: route.RouteKey, auth: 'JWT' });
      expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });

  it('keeps data in an on-demand table with point-in-time recovery and a customer-managed key', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table') as [[string, Resource]];
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(table.Properties.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    const keyRef = table.Properties.SSESpecification.KMSMasterKeyId['Fn::GetAtt'][0];
    expect(resources[keyRef]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
  });

  it('has a user pool with the four staff groups', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName).sort();
    expect(groups).toEqual(['admin', 'department', 'grid-worker', 'volunteer']);
  });

  it('declares one Standard state machine per workflow file, logging without execution data', () => {
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(LOCAL.stateMachines).toHaveLength(STATE_MACHINE_COUNT);
    expect(machines).toHaveLength(STATE_MACHINE_COUNT);
    for (const [, machine] of machines) {
      expect(machine.Properties.StateMachineType).toBe('STANDARD');
      expect(machine.Properties.LoggingConfiguration.IncludeExecutionData).toBe(false);
    }
  });

  it('alarms the operators on failed and timed-out executions of every state machine, and while anything needs attention', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const [[topicId]] = ofType('AWS::SNS::Topic').filter(([, t]) => String(t.Properties.TopicName).endsWith('-operators')) as [[string, Resource]];
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    for (const [machineId] of ofType('AWS::StepFunctions::StateMachine')) {
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
        expect(alarms).toContainEqual(
          expect.objectContaining({ Namespace: 'AWS/States', MetricName: metric, Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: machineId } }], Threshold: 1 }),
        );
      }
    }
    expect(alarms).toContainEqual(expect.objectContaining({ Namespace: 'Minqing', MetricName: 'NeedsAttention', ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1 }));
    expect(resources.OperatorsEmail).toMatchObject({ Type: 'AWS::SNS::Subscription', Condition: 'HasOperatorsEmail' });
  });

  it('runs the reconciler every 6 hours on Asia/Shanghai time', () => {
    const schedules = ofType('AWS::Scheduler::Schedule').map(([, s]) => s.Properties);
    const reconcile = schedules.find((s) => JSON.stringify(s.Target).includes('Reconcile'));
    expect(reconcile).toMatchObject({ ScheduleExpression: 'cron(17 */6 * * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
  });

  it('gives the repair functions only what they need', () => {
    const statementsOf = (fn: string) => {
      const roleId = (resources[`${fn}LambdaFunction`]!.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      return (resources[roleId]!.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap((p) => p.PolicyDocument.Statement);
    };
    const actionsOf = (fn: string) => statementsOf(fn).flatMap((s) => ([] as string[]).concat(s.Action));
    // The hold task is called by the workflows it serves: it reads and writes the table (its SMS goes to
    // the outbox there) and, as every function, reads the phone-digest keyring; nothing more.
    const everyFunction = ['ssm:GetParameter', 'kms:Decrypt'];
    expect(actionsOf('AttentionHold').filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:') && !a.startsWith('xray:') && !everyFunction.includes(a))).toEqual([]);
    expect(actionsOf('AttentionHold')).not.toContain('dynamodb:Scan');
    // Only the reconciler scans, and only the table (not its indexes).
    for (const [logicalId] of ofType('AWS::Lambda::Function').filter(([id]) => id !== 'ReconcileLambdaFunction')) {
      expect({ fn: logicalId, scans: actionsOf(logicalId.replace(/LambdaFunction$/, '')).includes('dynamodb:Scan') }).toEqual({ fn: logicalId, scans: false });
    }
    const scan = statementsOf('Reconcile').find((s) => ([] as string[]).concat(s.Action).includes('dynamodb:Scan'))!;
    expect(scan.Resource).toEqual({ 'Fn::GetAtt': ['MainTable', 'Arn'] });
    for (const fn of ['Reconcile', 'AttentionResume']) {
      const starts = statementsOf(fn).find((s) => ([] as string[]).concat(s.Action).includes('states:StartExecution'))!;
      expect(starts.Resource).toEqual([{ Ref: 'CaseLifecycleStateMachine' }, { Ref: 'WishStateMachine' }, { Ref: 'CompanionVisitStateMachine' }]);
    }
  });

  it('runs each task of the wish, wish-claim and visit workflows as its own function, whose role holds only what that task needs', () => {
    const statementsOf = (fn: string) => {
      const roleId = (resources[`${fn}LambdaFunction`]!.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      return (resources[roleId]!.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap((p) => p.PolicyDocument.Statement);
    };
    const called = new Set(
      ['wish', 'wish-claim', 'companion-visit']
        .map((file) => JSON.stringify(yaml.load(readFileSync(join(ROOT, `workflows/${file}.asl.yml`), 'utf8'))))
        .flatMap((definition) => [...definition.matchAll(/"Fn::GetAtt":\["(\w+)LambdaFunction","Arn"\]/g)].map((match) => match[1]!)),
    );
    called.delete('AttentionHold');
    expect([...called].sort()).toEqual(Object.keys(TASK_STATES_ACTIONS).sort());
    const machineOf = (fn: string) => (fn.startsWith('Wish') ? 'stateMachine:minqing-ci-wish"' : 'stateMachine:minqing-ci-companion-visit"');
    for (const [fn, expected] of Object.entries(TASK_STATES_ACTIONS)) {
      const statements = statementsOf(fn);
      const actions = statements.flatMap((s) => ([] as string[]).concat(s.Action));
      expect({ fn, states: actions.filter((a) => a.startsWith('states:')).sort() }).toEqual({ fn, states: expected.states });
      const writes = actions.filter((a) => /^dynamodb:(Put|Update|Delete)Item$/.test(a));
      if (expected.readOnly) expect({ fn, writes }).toEqual({ fn, writes: [] });
      for (const s of statements) {
        const actionsHere = ([] as string[]).concat(s.Action);
        const target = JSON.stringify(s.Resource);
        // A wish task answers or fails only the wish workflow's waits, a visit task only the visit workflow's.
        if (actionsHere.some((a) => a.startsWith('states:SendTask'))) expect({ fn, target }).toEqual({ fn, target: expect.stringContaining(machineOf(fn)) });
        if (actionsHere.includes('states:StartExecution')) expect({ fn, resource: s.Resource }).toEqual({ fn, resource: { Ref: 'CaseLifecycleStateMachine' } });
      }
    }
  });

  it('lets exactly one role publish SMS, the sender, fed only new outbox items by the stream of the table', () => {
    const grants = (role: Resource, action: string) =>
      ((role.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>).some((p) =>
        p.PolicyDocument.Statement.some((s) => s.Effect === 'Allow' && ([] as string[]).concat(s.Action).includes(action)),
      );
    const roles = ofType('AWS::IAM::Role');
    expect(roles.length).toBeGreaterThan(10);
    // The operators' topic policy also names sns:Publish, for CloudWatch: a topic policy, not a role.
    expect(roles.filter(([, role]) => grants(role, 'sns:Publish')).map(([id]) => id)).toEqual(['SmsSenderIamRoleLambdaExecution']);
    for (const [id, role] of roles) expect({ id, managed: role.Properties.ManagedPolicyArns ?? [] }).toEqual({ id, managed: [] });

    const [[, table]] = ofType('AWS::DynamoDB::Table') as [[string, Resource]];
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings;
    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['MainTable', 'StreamArn'] },
      FunctionName: { 'Fn::GetAtt': ['SmsSenderLambdaFunction', 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['SmsSenderFailureQueue', 'Arn'] } } },
    });
    expect(mapping!.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: 'SMS-OUTBOX#' }] }, state: { S: ['queued'] } } } },
    ]);
    const flush = ofType('AWS::Scheduler::Schedule').map(([, s]) => s.Properties).find((s) => JSON.stringify(s.Target).includes('SmsSender'));
    expect(flush).toMatchObject({ ScheduleExpression: 'cron(0 7 * * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai', Target: { Input: JSON.stringify({ flush: 'held' }) } });
  });

  it('throttles every route at the stage: public routes below staff ones, the public report the tightest', () => {
    const stage = resources.HttpApiStage as Resource & { DependsOn?: string[] };
    const defaults = stage.Properties.DefaultRouteSettings;
    expect(defaults.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(defaults.ThrottlingBurstLimit).toBeGreaterThanOrEqual(defaults.ThrottlingRateLimit);
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const routeIds = new Map(ofType('AWS::ApiGatewayV2::Route').map(([id, r]) => [r.Properties.RouteKey as string, id]));
    for (const key of PUBLIC_ROUTES) {
      expect({ key, rate: settings[key]?.ThrottlingRateLimit, burst: settings[key]?.ThrottlingBurstLimit }).toEqual({ key, rate: expect.any(Number), burst: expect.any(Number) });
      expect(settings[key]!.ThrottlingRateLimit).toBeLessThan(defaults.ThrottlingRateLimit);
      expect(settings[key]!.ThrottlingBurstLimit).toBeLessThan(defaults.ThrottlingBurstLimit);
    }
    // A route setting naming a route the stage is created before fails the deployment.
    for (const key of Object.keys(settings)) {
      expect({ key, route: routeIds.has(key) }).toEqual({ key, route: true });
      expect(stage.DependsOn).toContain(routeIds.get(key));
    }
    const tightest = Math.min(...Object.values(settings).map((s) => s.ThrottlingRateLimit));
    expect(settings['POST /v1/cases']!.ThrottlingRateLimit).toBe(tightest);
  });

  it('creates the CloudFront edge (and its WAF association) only when edgeWebAclArn is set', () => {
    const template = JSON.parse(raw) as Template;
    // The console's distribution (test/template/console-hosting.test.ts) is always there.
    const distributions = ofType('AWS::CloudFront::Distribution').filter(([id]) => id !== 'ConsoleDistribution');
    expect(distributions.map(([id]) => id)).toEqual(['EdgeDistribution']);
    expect(template.Resources.EdgeDistribution!.Condition).toBe('HasEdgeWebAcl');
    expect(template.Outputs.EdgeUrl!.Condition).toBe('HasEdgeWebAcl');
    expect(conditionHolds(template, 'HasEdgeWebAcl')).toBe(false);
    expect(ofType('AWS::WAFv2::WebACLAssociation')).toEqual([]);
  });

  describe.each(LOCAL.stateMachines.map((m) => [m.key, m.definition] as const))(
    'workflow %s',
    (_key, definition) => {
      const states = Object.entries((definition as { States: Record<string, any> }).States);
      const tasks = states.filter(([, s]) => s.Type === 'Task');

      it('is valid ASL', () => {
        const { isValid, errors } = aslValidator(definition);
        expect(errors).toEqual([]);
        expect(isValid).toBe(true);
      });

      it('gives every task a timeout and retries transient errors (every task error, or at least Lambda\'s) with backoff', () => {
        for (const [name, task] of tasks) {
          expect({ name, timeout: Boolean(task.TimeoutSeconds ?? task.TimeoutSecondsPath) }).toEqual({ name, timeout: true });
          const retriers = (task.Retry ?? []) as Array<{ ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number }>;
          const retried = retriers.filter((r) => r.MaxAttempts !== 0).flatMap((r) => r.ErrorEquals);
          const lambdaErrors = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];
          expect({ name, transient: retried.includes('States.TaskFailed') || lambdaErrors.every((e) => retried.includes(e)) }).toEqual({ name, transient: true });
          for (const r of retriers.filter((x) => x.MaxAttempts !== 0)) expect(r.BackoffRate).toBeGreaterThanOrEqual(2);
          // A deadline is an outcome for the Catch, never retried.
          const timeoutRetrier = retriers.find((r) => r.ErrorEquals.includes('States.Timeout'));
          if (timeoutRetrier) expect(timeoutRetrier.MaxAttempts).toBe(0);
        }
      });

      it('never lets a task of a person\'s case, wish or visit fail the execution unseen: it waits for the centre', () => {
        if (!('Wait for the centre to resume' in (definition as { States: object }).States)) return;
        const back = (definition as { States: Record<string, any> }).States['Go back to the state that failed'];
        const routes = new Set(back.Choices.map((c: { Next: string }) => c.Next));
        for (const [name, task] of tasks.filter(([n]) => n !== 'Wait for the centre to resume')) {
          const last = (task.Catch ?? []).at(-1) as { ErrorEquals: string[]; Next: string } | undefined;
          expect({ name, caught: last?.ErrorEquals, next: last?.Next }).toEqual({ name, caught: ['States.ALL'], next: 'Wait for the centre to resume' });
          expect({ name, routedBack: routes.has(name) }).toEqual({ name, routedBack: true });
        }
      });

      it('catches the timeout of every step that waits on a person', () => {
        for (const [name, task] of tasks.filter(([, t]) => String(t.Resource).endsWith('.waitForTaskToken'))) {
          const caught = (task.Catch ?? []).flatMap((c: { ErrorEquals: string[] }) => c.ErrorEquals);
          expect({ name, caught: caught.includes('States.Timeout') || caught.includes('States.ALL') }).toEqual({ name, caught: true });
        }
      });

      it('never reads personal data into the execution', () => {
        // Any path segment named like personal data (`$.reporter.phone`, `$.beneficiary`), not names that merely contain such a word.
        expect(JSON.stringify(definition)).not.toMatch(/\$(\.\w+)*\.(phone|name|address|reporter|contact|beneficiary|emergencyContact)\b(?![\w])/i);
      });
    },
  );

  it('zips each function as its one minified handler, under the size bounds, its source map kept beside the zips', () => {
    for (const fn of LOCAL.functions) {
      const bundle = unpackFunction(join(dir, `${fn.name}.zip`), join(dir, 'unpacked', fn.name), fn.handler);
      const handlerJs = `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.js`;
      expect({
        fn: fn.name,
        files: bundle.files,
        lines: readFileSync(bundle.handlerFile, 'utf8').split('\n').length <= MINIFIED_MAX_LINES,
        mapBytesInZip: bundle.mapBytesInZip,
        zipBytes: bundle.zipBytes <= ZIP_BOUND_BYTES ? 'within' : bundle.zipBytes,
        jsBytes: bundle.jsBytes <= JS_BOUND_BYTES ? 'within' : bundle.jsBytes,
        mapKept: existsSync(join(dir, 'source-maps', `${handlerJs}.map`)),
      }).toEqual({ fn: fn.name, files: [handlerJs], lines: true, mapBytesInZip: 0, zipBytes: 'within', jsBytes: 'within', mapKept: true });
    }
    // Nothing would read a map at run time: none is shipped.
    for (const [, fn] of ofType('AWS::Lambda::Function')) expect(fn.Properties.Environment?.Variables?.NODE_OPTIONS ?? '').not.toContain('--enable-source-maps');
  });

  it('runs minified: a task given a bad payload fails with the error name its Retry and Catch match', () => {
    const fn = LOCAL.functions.find((f) => f.name === 'caseTriage')!;
    const bundle = unpackFunction(join(dir, `${fn.name}.zip`), join(dir, 'run', fn.name), fn.handler);
    const context = { awsRequestId: 'r-1', functionName: fn.name, functionVersion: '$LATEST', invokedFunctionArn: fn.arn, memoryLimitInMB: '512' };
    // Powertools logs to stdout too: the outcome is the line marked OUTCOME.
    const probe = `require(process.argv[1]).handler({ caseId: 42 }, { ...JSON.parse(process.argv[2]), getRemainingTimeInMillis: () => 10000 }).then(
      () => console.log('OUTCOME {}'),
      (err) => console.log('OUTCOME ' + JSON.stringify({ name: err.name, message: err.message, fields: err.fields })))`;
    const out = execFileSync(process.execPath, ['-e', probe, bundle.handlerFile, JSON.stringify(context)], {
      cwd: dirname(bundle.handlerFile),
      // As on Lambda: the AWS SDK comes from the runtime (here the project's node_modules), the rest from the zip.
      env: { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules'), ...fn.environment, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'offline', AWS_SECRET_ACCESS_KEY: 'offline' },
      encoding: 'utf8',
    });
    const outcome = JSON.parse(out.split('\n').find((line) => line.startsWith('OUTCOME '))!.slice('OUTCOME '.length));
    expect(outcome).toEqual({ name: 'ValidationError', message: expect.stringContaining('invalid task input'), fields: expect.objectContaining({ caseId: expect.any(String) }) });
  });
});

type Template = { Resources: Record<string, Resource & { Condition?: string }>; Outputs: Record<string, { Condition?: string }>; Conditions: Record<string, unknown> };

/** Evaluates a template condition built from Fn::Not/And/Or/Equals over literals, as CloudFormation would. */
function conditionHolds(template: Template, name: string): boolean {
  const evaluate = (node: any): any => {
    if (typeof node !== 'object' || node === null) return node;
    if ('Condition' in node) return conditionHolds(template, node.Condition);
    if ('Fn::Not' in node) return !evaluate(node['Fn::Not'][0]);
    if ('Fn::And' in node) return node['Fn::And'].every(evaluate);
    if ('Fn::Or' in node) return node['Fn::Or'].some(evaluate);
    if ('Fn::Equals' in node) return evaluate(node['Fn::Equals'][0]) === evaluate(node['Fn::Equals'][1]);
    throw new Error(`condition ${name}: cannot evaluate ${JSON.stringify(node)}`);
  };
  return evaluate(template.Conditions[name]) as boolean;
}

describe('the packaged template with an edge web ACL (--param edgeWebAclArn)', () => {
  const WEB_ACL = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/minqing-ci-edge/0123abcd-0000-0000-0000-000000000000';
  let dir: string;
  let template: Template;

  beforeAll(() => {
    dir = packagedService([`--param=edgeWebAclArn=${WEB_ACL}`]);
    template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  }, 120_000);

  it('serves the HTTP API through CloudFront carrying the web ACL, uncached, with the API\'s own Host', () => {
    expect(conditionHolds(template, 'HasEdgeWebAcl')).toBe(true);
    const config = template.Resources.EdgeDistribution!.Properties.DistributionConfig;
    expect(config.WebACLId).toBe(WEB_ACL);
    expect(config.Origins).toEqual([
      expect.objectContaining({ Id: 'http-api', DomainName: { 'Fn::Join': ['', [{ Ref: 'HttpApi' }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] }, CustomOriginConfig: expect.objectContaining({ OriginProtocolPolicy: 'https-only' }) }),
    ]);
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: 'http-api',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
  });

  it('declares the web ACL for us-east-1 with per-IP rate rules, the report route the tighter', () => {
    const waf = yaml.load(readFileSync(join(ROOT, 'deploy/edge-web-acl.yml'), 'utf8')) as { Parameters: Record<string, { Default: number }>; Resources: Record<string, Resource> };
    const [acl] = Object.values(waf.Resources).filter((r) => r.Type === 'AWS::WAFv2::WebACL');
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl!.Properties.Rules as Array<{ Name: string; Action: any; Statement: { RateBasedStatement: any } }>;
    for (const rule of rules) {
      expect(rule.Statement.RateBasedStatement.AggregateKeyType).toBe('IP');
      expect(rule.Action.Block.CustomResponse.ResponseCode).toBe(429);
    }
    const limitOf = (name: string) => waf.Parameters[rules.find((r) => r.Name === name)!.Statement.RateBasedStatement.Limit.Ref]!.Default;
    expect(limitOf('reports-per-ip')).toBeLessThan(limitOf('requests-per-ip'));
    expect(JSON.stringify(rules.find((r) => r.Name === 'reports-per-ip')!.Statement.RateBasedStatement.ScopeDownStatement)).toMatch(/"POST".*"\/v1\/cases"/);
    const body = JSON.parse(acl!.Properties.CustomResponseBodies['rate-limited'].Content);
    expect(body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
  });
});
