import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Gives each function of the local stack its own environment inside one process, as each Lambda
 * function has its own: `process.env` becomes a view that, within a function's module loading or
 * invocation (and everything they start: promises, timers, sockets), reads and writes that
 * function's variables only.
 *
 * A variable that is the functions' business (one serverless.yml gives any function, or one Lambda's
 * runtime sets: `AWS_*`, `LAMBDA_*`, `_HANDLER`, `_X_AMZN_TRACE_ID`) is never taken from the process:
 * a function that lacks it does not have it, as on AWS. Any other variable (PATH, HOME, NODE_DEBUG,
 * LOG_LEVEL, the tools' own) is read from the process, standing in for the sandbox's system
 * environment, so the toolchain (tsx, jest, Node itself) behaves as outside a function. Outside any
 * function, `process.env` is the process's own, untouched.
 */
export class FunctionEnvironments {
  private readonly current = new AsyncLocalStorage<Record<string, string>>();
  private restore: (() => void) | undefined;

  constructor(private readonly functionsOwn: (key: string) => boolean) {}

  /** Replaces `process.env` with the per-function view; returns what puts the process's own back. */
  install(): () => void {
    if (this.restore) throw new Error('function environments are installed already');
    const host = process.env;
    const scoped = (key: string | symbol) => typeof key === 'string' && this.functionsOwn(key);
    const view = new Proxy(host, {
      get: (target, key) => {
        const env = this.current.getStore();
        if (!env || typeof key !== 'string') return Reflect.get(target, key);
        if (Object.hasOwn(env, key)) return env[key];
        return scoped(key) ? undefined : Reflect.get(target, key);
      },
      has: (target, key) => {
        const env = this.current.getStore();
        if (!env || typeof key !== 'string') return Reflect.has(target, key);
        return Object.hasOwn(env, key) || (!scoped(key) && Reflect.has(target, key));
      },
      // A function's writes stay in its own environment (Lambda keeps them for the sandbox's life).
      set: (target, key, value) => {
        const env = this.current.getStore();
        if (!env || typeof key !== 'string') return Reflect.set(target, key, value);
        env[key] = String(value);
        return true;
      },
      deleteProperty: (target, key) => {
        const env = this.current.getStore();
        if (!env || typeof key !== 'string') return Reflect.deleteProperty(target, key);
        delete env[key];
        return true;
      },
      ownKeys: (target) => {
        const env = this.current.getStore();
        if (!env) return Reflect.ownKeys(target);
        const inherited = Reflect.ownKeys(target).filter((key) => typeof key === 'string' && !scoped(key) && !Object.hasOwn(env, key));
        return [...Object.keys(env), ...inherited];
      },
      getOwnPropertyDescriptor: (target, key) => {
        const env = this.current.getStore();
        if (!env || typeof key !== 'string') return Reflect.getOwnPropertyDescriptor(target, key);
        if (Object.hasOwn(env, key)) return { value: env[key], writable: true, enumerable: true, configurable: true };
        return scoped(key) ? undefined : Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    process.env = view;
    this.restore = () => {
      process.env = host;
      this.restore = undefined;
    };
    return this.restore;
  }

  /** Runs `work` (and all it starts) with `env` as its environment. */
  run<T>(env: Record<string, string>, work: () => T): T {
    return this.current.run(env, work);
  }
}

/** Names Lambda's runtime reserves or sets itself: no function inherits them from the host. */
export function isLambdaRuntimeVariable(key: string): boolean {
  return /^(AWS_|LAMBDA_)/.test(key) || key === '_HANDLER' || key === '_X_AMZN_TRACE_ID';
}
