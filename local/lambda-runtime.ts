import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Activity } from './activity';
import { ConcurrencyLimit } from './concurrency-limit';
import { lambdaFault, type FaultInjector } from './faults';
import { FunctionEnvironments, isLambdaRuntimeVariable } from './function-environment';
import { loadSeparately } from './function-modules';
import type { LocalFunction } from './serverless-config';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/**
 * Enough for every workflow of a busy district to move (a Lambda waits mostly on DynamoDB), few enough
 * that a storm of them leaves the event loop to the HTTP API: see `npm run bench -- intake`.
 */
export const DEFAULT_SERVICE_CONCURRENCY = 8;

/** What the local stack adds to every function's environment, beside what serverless.yml gives it. */
export interface RuntimeEnvironment {
  /** The equivalents of what Lambda's runtime sets (region, credentials) and the local services' endpoints. */
  everyFunction: Record<string, string>;
  /** Local stand-ins for deployed values, given only to functions that have the variable (the local issuer for Cognito's). */
  standIns: Record<string, string>;
}

/** A function's warm instance: its own module graph, and its own environment for the sandbox's life. */
interface Sandbox {
  handler: Handler;
  env: Record<string, string>;
}

/** As Lambda's invoke API and Step Functions report an invocation that ran past its timeout. */
export class LambdaTimeoutError extends Error {
  override readonly name = 'Sandbox.Timedout';
  constructor(requestId: string, seconds: number) {
    super(`${requestId} Task timed out after ${seconds.toFixed(2)} seconds`);
  }
}

/**
 * Runs the functions of serverless.yml in this process, each as Lambda runs it on its own: with exactly
 * the environment serverless.yml gives it (plus what Lambda's runtime sets), its own module registry
 * (loaded on first use, like a cold start, and kept warm), and its timeout enforced, after which its
 * instance is discarded and the next call starts cold.
 */
export class LambdaRuntime {
  private readonly byArn = new Map<string, LocalFunction>();
  private readonly sandboxes = new Map<string, Sandbox>();
  private readonly environments: FunctionEnvironments;
  private environment: RuntimeEnvironment | undefined;
  /** Transient Lambda failures to inject (`--faults`); none by default. */
  faults: FaultInjector | undefined;
  /** Invocations services start on their own (not the HTTP API's, which a caller waits on) take turns. */
  private readonly serviceTurns: ConcurrencyLimit;

  constructor(
    private readonly root: string,
    readonly functions: LocalFunction[],
    /** Told of every handler run while it lasts, so the stack knows when it has settled. */
    private readonly activity: Activity = new Activity(),
    /** How many invocations by services (Step Functions, streams, schedules, SNS) run at once. */
    serviceConcurrency = DEFAULT_SERVICE_CONCURRENCY,
  ) {
    this.serviceTurns = new ConcurrencyLimit(serviceConcurrency);
    for (const fn of functions) this.byArn.set(fn.arn, fn);
    const given = new Set(functions.flatMap((fn) => Object.keys(fn.environment)));
    this.environments = new FunctionEnvironments((key) => given.has(key) || isLambdaRuntimeVariable(key) || this.isAdded(key));
  }

  private isAdded(key: string): boolean {
    return !!this.environment && (Object.hasOwn(this.environment.everyFunction, key) || Object.hasOwn(this.environment.standIns, key));
  }

  /**
   * Gives every function its own environment from now on (`process.env` becomes a per-function view,
   * see function-environment.ts); returns what undoes it. Called before the first invocation.
   */
  provide(environment: RuntimeEnvironment): () => void {
    this.environment = environment;
    return this.environments.install();
  }

  /** Every value serverless.yml gives `key` across the functions (the stack serves some of them locally). */
  valuesOf(key: string): string[] {
    return [...new Set(this.functions.flatMap((fn) => (key in fn.environment ? [fn.environment[key]!] : [])))];
  }

  /** The environment one sandbox of `fn` starts with, as Lambda would set it. */
  environmentOf(fn: LocalFunction): Record<string, string> {
    if (!this.environment) throw new Error('the runtime was given no environment (provide() first)');
    const { everyFunction, standIns } = this.environment;
    const own = Object.fromEntries(Object.entries(fn.environment).map(([key, value]) => [key, Object.hasOwn(standIns, key) ? standIns[key]! : value]));
    const deployedName = fn.arn.slice(fn.arn.lastIndexOf(':') + 1);
    return {
      ...own,
      ...everyFunction,
      AWS_LAMBDA_FUNCTION_NAME: deployedName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${deployedName}`,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      // Powertools' logger reads it for `cold_start`; Lambda sets it on every on-demand sandbox.
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: this.root,
      _HANDLER: fn.handler,
    };
  }

  /** The warm instance of `fn`, or a cold start: its module graph loaded within its own environment. */
  private sandboxOf(fn: LocalFunction): Sandbox {
    const warm = this.sandboxes.get(fn.name);
    if (warm) return warm;
    const env = this.environmentOf(fn);
    const dot = fn.handler.lastIndexOf('.');
    const mod = this.environments.run(env, () => loadSeparately(this.root, join(this.root, fn.handler.slice(0, dot))));
    const exported = mod[fn.handler.slice(dot + 1)];
    if (typeof exported !== 'function') throw new Error(`${fn.handler} does not export a handler function`);
    const sandbox = { handler: exported as Handler, env };
    this.sandboxes.set(fn.name, sandbox);
    return sandbox;
  }

  /**
   * The stack is stopping: invocations by services still waiting for a turn fail (the service retries
   * them after the next start: a journaled execution resumes, a stream batch is read again); those
   * under way run on.
   */
  refuseQueued(): void {
    this.serviceTurns.close(Object.assign(new Error('the local stack is stopping'), { name: 'Lambda.ServiceException' }));
  }

  /** Starts `fn` cold without calling it, as provisioned concurrency does: its configuration is parsed then. */
  coldStart(fn: LocalFunction): void {
    this.sandboxOf(fn);
  }

  /**
   * Calls the function as Lambda would. With faults on, some calls fail as Lambda's do: throttled or
   * failed before the handler ran, or (where the caller is a service that retries, `answerMayBeLost`)
   * timed out after it ran, its answer lost.
   */
  async invoke(fn: LocalFunction, event: unknown, { answerMayBeLost = false } = {}): Promise<unknown> {
    if (!answerMayBeLost) return this.invokeNow(fn, event, false);
    // Waiting for a turn counts as work under way: the stack has not settled while a call is queued.
    return this.activity.track(() => this.serviceTurns.run(() => this.invokeNow(fn, event, true)));
  }

  private async invokeNow(fn: LocalFunction, event: unknown, answerMayBeLost: boolean): Promise<unknown> {
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
    this.activity.begin();
    try {
      return await this.runHandler(fn, event);
    } finally {
      this.active -= 1;
      this.activity.end();
    }
  }

  /**
   * The timeout counts from the handler's call, not the cold start (Lambda gives the init phase its
   * own limit), in real time: the virtual clock may stand still or run fast, Lambda's timer does neither.
   */
  private async runHandler(fn: LocalFunction, event: unknown): Promise<unknown> {
    const sandbox = this.sandboxOf(fn);
    const requestId = randomUUID();
    const limitMs = fn.timeout * 1000;
    const began = performance.now();
    const context = {
      awsRequestId: requestId,
      functionName: fn.arn.slice(fn.arn.lastIndexOf(':') + 1),
      functionVersion: '$LATEST',
      invokedFunctionArn: fn.arn,
      memoryLimitInMB: String(fn.memorySize),
      getRemainingTimeInMillis: () => Math.max(0, Math.round(limitMs - (performance.now() - began))),
      callbackWaitsForEmptyEventLoop: false,
    };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new LambdaTimeoutError(requestId, fn.timeout)), limitMs);
    });
    try {
      return await Promise.race([this.environments.run(sandbox.env, () => sandbox.handler(event, context)), timedOut]);
    } catch (err) {
      // Lambda discards a sandbox whose invocation timed out: the next call starts cold. (The handler's
      // promise here cannot be stopped; whatever it still does is no longer awaited by anyone.)
      if (err instanceof LambdaTimeoutError) {
        if (this.sandboxes.get(fn.name) === sandbox) this.sandboxes.delete(fn.name);
        // Lambda writes this line to the function's log; so does the local stack, to its own.
        process.stderr.write(`${context.functionName}: ${err.message}\n`);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  invokeArn(arn: string, event: unknown): Promise<unknown> {
    const fn = this.byArn.get(arn);
    if (!fn) return Promise.reject(Object.assign(new Error(`Function not found: ${arn}`), { name: 'Lambda.ResourceNotFoundException' }));
    return this.invoke(fn, event, { answerMayBeLost: true });
  }
}
