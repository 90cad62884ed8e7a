import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { assertKeepsContract } from './openapi-contract';

const ROOT = resolve(__dirname, '..', '..');

/**
 * `npm start` as a separate process group, as an operator runs it: tests kill it with SIGKILL (no
 * handler runs, nothing is flushed) and start it again on the same data folder.
 */
export class StackProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dynamodb: string,
    readonly output: () => string,
  ) {}

  static async start(dataDir: string, args: string[] = []): Promise<StackProcess> {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts', '--data-dir', dataDir, '--time-scale', '0', ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const up = await new Promise<{ url: string; dynamodb: string }>((resolveUp, reject) => {
      const timer = setTimeout(() => reject(new Error(`stack did not start within 120 s:\n${out}`)), 120_000);
      const check = () => {
        const api = /HTTP API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        const ddb = /DynamoDB\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (api && ddb) {
          clearTimeout(timer);
          resolveUp({ url: api[1]!, dynamodb: ddb[1]! });
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`stack exited (${code}) before it was up:\n${out}`));
      });
    });
    return new StackProcess(child, up.url, up.dynamodb, () => out);
  }

  /** SIGKILL to the whole process group: the stack, and DynamoDB Local's JVM with it. */
  async kill(): Promise<void> {
    const gone = new Promise((r) => this.child.once('exit', r));
    process.kill(-this.child.pid!, 'SIGKILL');
    await gone;
  }

  async api<T = any>(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    // The stack as `npm start` runs it keeps the published contract too, across every kill and restart.
    assertKeepsContract(method, `${this.url}${path}`, res, text);
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async token(claims: Record<string, unknown>): Promise<string> {
    return (await this.api<{ token: string }>('POST', '/local/auth/token', { body: claims })).body.token;
  }

  async settle(): Promise<void> {
    await this.api('POST', '/local/settle');
  }

  async advance(seconds: number): Promise<string> {
    return (await this.api<{ now: string }>('POST', '/local/clock/advance', { body: { seconds } })).body.now;
  }

  async outbox(): Promise<Array<{ to: string; text: string; at: string }>> {
    return (await this.api('GET', '/local/outbox')).body;
  }
}
