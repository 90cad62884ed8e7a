import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARN_VARIABLES } from '../../../functions/_shared/container';
import type { WorkflowName } from '../../../lib/ports/workflows';
import { LambdaRuntime } from '../../../local/lambda-runtime';
import { loadServerlessConfig, type LocalFunction } from '../../../local/serverless-config';

const ROOT = join(__dirname, '../../..');
const config = loadServerlessConfig(join(ROOT, 'serverless.yml'), { stage: 'local', region: 'ap-southeast-1' });

/** What Lambda's runtime sets; nothing of any function's own. Nothing is called, so no endpoint is needed. */
const LAMBDA_RUNTIME = { AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

function runtimeFor(functions: LocalFunction[]) {
  const runtime = new LambdaRuntime(ROOT, functions);
  return { runtime, undo: runtime.provide({ everyFunction: LAMBDA_RUNTIME, standIns: {} }) };
}

function without(name: string, variable: string): LocalFunction {
  const fn = config.functions.find((f) => f.name === name)!;
  expect(fn.environment).toHaveProperty(variable);
  const { [variable]: _dropped, ...environment } = fn.environment;
  return { ...fn, environment };
}

/** Each function's configuration is parsed at its cold start, from exactly what serverless.yml gives it. */
describe('cold starts with the environment serverless.yml gives each function', () => {
  it('every function starts with its own variables and nothing of the others', () => {
    const { runtime, undo } = runtimeFor(config.functions);
    try {
      const failed = config.functions.flatMap((fn) => {
        try {
          runtime.coldStart(fn);
          return [];
        } catch (err) {
          return [`${fn.name}: ${(err as Error).message}`];
        }
      });
      expect(failed).toEqual([]);
    } finally {
      undo();
    }
  }, 180_000);

  it.each([
    ['caseCreate', 'CASE_LIFECYCLE_ARN'],
    ['wishAction', 'WISH_CLAIM_ARN'],
    ['reconcile', 'COMPANION_VISIT_ARN'],
    ['caseGet', 'JWT_ISSUER'],
    ['smsInbound', 'WISH_ARN'],
  ])('%s without %s fails at its cold start, naming the variable', (name, variable) => {
    const fn = without(name, variable);
    const { runtime, undo } = runtimeFor([fn]);
    try {
      expect(() => runtime.coldStart(fn)).toThrow(new RegExp(`Invalid configuration: .*${variable}`));
    } finally {
      undo();
    }
  });

  it("gives each function exactly the state machines its handler declares, and no other", () => {
    for (const fn of config.functions) {
      const source = readFileSync(join(ROOT, `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`), 'utf8');
      const declared = /functionDeps\(\{ workflows: \[([^\]]*)\] \}\)/.exec(source)?.[1] ?? '';
      const wanted = [...declared.matchAll(/'([a-z-]+)'/g)].map((m) => ARN_VARIABLES[m[1] as WorkflowName]).sort();
      const given = Object.keys(fn.environment).filter((key) => key.endsWith('_ARN')).sort();
      expect({ function: fn.name, arns: given }).toEqual({ function: fn.name, arns: wanted });
    }
  });

  it('gives the token issuer only to functions that verify tokens themselves, and no task any', () => {
    const given = config.functions.filter((fn) => 'JWT_ISSUER' in fn.environment).map((fn) => fn.name);
    const selfVerifying = config.functions.filter((fn) => fn.http.some((route) => !route.authorizer)).map((fn) => fn.name);
    expect(given.sort()).toEqual(selfVerifying.sort());
  });
});
