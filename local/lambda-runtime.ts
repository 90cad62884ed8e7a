import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { lambdaFault, type FaultInjector } from './faults';
import type { LocalFunction } from './serverless-config';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Runs the functions of serverless.yml in this process. Each handler module is loaded on first use,
 * like a cold start, and called with a Lambda-shaped context. All functions share one process, so
 * their environments are merged; two functions giving one variable different values is refused.
 */
export class LambdaRuntime {
  private readonly byArn = new Map<string, LocalFunction>();
  private readonly loaded = new Map<string, Handler>();
  /** Transient Lambda failures to inject (`--faults`); none by default. */
  faults: FaultInjector | undefined;

  constructor(
    private readonly root: string,
    readonly functions: LocalFunction[],
  ) {
    for (const fn of functions) this.byArn.set(fn.arn, fn);
  }

  mergedEnvironment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const fn of this.functions) {
      for (const [key, value] of Object.entries(fn.environment)) {
        if (key in env && env[key] !== value) throw new Error(`functions disagree on ${key}; the local stack runs them in one process`);
        env[key] = value;
      }
    }
    return env;
  }

  private handlerOf(fn: LocalFunction): Handler {
    let handler = this.loaded.get(fn.name);
    if (!handler) {
      const dot = fn.handler.lastIndexOf('.');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(this.root, fn.handler.slice(0, dot))) as Record<string, unknown>;
      const exported = mod[fn.handler.slice(dot + 1)];
      if (typeof exported !== 'function') throw new Error(`${fn.handler} does not export a handler function`);
      handler = exported as Handler;
      this.loaded.set(fn.name, handler);
    }
    return handler;
  }

  /**
   * Calls the function as Lambda would. With faults on, some calls fail as Lambda's do: throttled or
   * failed before the handler ran, or (where the caller is a service that retries, `answerMayBeLost`)
   * timed out after it ran, its answer lost.
   */
  async invoke(fn: LocalFunction, event: unknown, { answerMayBeLost = false } = {}): Promise<unknown> {
    const how = this.faults?.strike('lambda');
    const fault = how === undefined ? undefined : lambdaFault(how);
    if (fault && !(fault.afterRun && answerMayBeLost)) throw fault.error;
    const result = await this.run(fn, event);
    if (fault) throw fault.error;
    return result;
  }

  /** How many handler runs have started, and how many are under way: within the stack only runs write. */
  runs = 0;
  active = 0;

  private async run(fn: LocalFunction, event: unknown): Promise<unknown> {
    this.runs += 1;
    this.active += 1;
    try {
      return await this.runHandler(fn, event);
    } finally {
      this.active -= 1;
    }
  }

  private async runHandler(fn: LocalFunction, event: unknown): Promise<unknown> {
    const deadline = Date.now() + 30_000;
    const context = {
      awsRequestId: randomUUID(),
      functionName: fn.name,
      invokedFunctionArn: fn.arn,
      memoryLimitInMB: '512',
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      callbackWaitsForEmptyEventLoop: false,
    };
    return this.handlerOf(fn)(event, context);
  }

  invokeArn(arn: string, event: unknown): Promise<unknown> {
    const fn = this.byArn.get(arn);
    if (!fn) return Promise.reject(Object.assign(new Error(`Function not found: ${arn}`), { name: 'Lambda.ResourceNotFoundException' }));
    return this.invoke(fn, event, { answerMayBeLost: true });
  }
}
