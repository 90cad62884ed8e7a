import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadServerlessConfig } from '../../local/serverless-config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: unknown[] };

const ROOT = resolve(__dirname, '../..');
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
const PUBLIC_ROUTES = new Set(['GET /v1/categories', 'GET /v1/grids', 'POST /v1/cases', 'GET /v1/cases/{caseId}', 'POST /v1/cases/{caseId}/actions', 'GET /v1/wishes', 'GET /v1/openapi.json']);

describe('the packaged CloudFormation template', () => {
  let dir: string;
  let resources: Record<string, Resource>;
  let raw: string;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-package-'));
    execFileSync(join(ROOT, 'node_modules/.bin/serverless'), ['package', '--stage', 'ci', '--region', 'ap-southeast-1', '--package', dir], {
      cwd: ROOT,
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'offline', AWS_SECRET_ACCESS_KEY: 'offline', SLS_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    raw = readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8');
    resources = JSON.parse(raw).Resources;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every function on nodejs22.x, arm64, with JSON logs and its own role', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(6);
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
    const local = loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });
    expect(machines).toHaveLength(local.stateMachines.length);
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
    // The hold task is called by the workflows it serves: it reads and writes the table and sends SMS, nothing more.
    expect(actionsOf('AttentionHold').filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual(['sns:Publish']);
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

  describe.each(loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' }).stateMachines.map((m) => [m.key, m.definition] as const))(
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
});
