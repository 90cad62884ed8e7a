import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { assertKeepsContract } from './openapi-contract';
import { sharedDynamodb } from './test-dynamo';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The whole local stack in memory, on a frozen clock, on a free port, its tables in a namespace of the
 * run's shared DynamoDB Local. One per test file: handler modules keep their clients for the life of
 * the module registry, as a warm Lambda does.
 */
export async function startTestStack(options: { faults?: { rate: number; seed: number }; startAt?: Date } = {}): Promise<TestStack> {
  const shared = sharedDynamodb();
  const stack = await startLocalStack({ port: 0, timeScale: 0, startAt: new Date('2026-11-23T01:00:00Z'), ...(shared ? { sharedDynamodb: shared } : {}), ...options });
  return new TestStack(stack);
}

export class TestStack {
  private documentClient: DynamoDBDocumentClient | undefined;

  constructor(readonly stack: LocalStack) {}

  /** A client of this stack's own tables, for a test that looks at (or plants) what the API cannot show. */
  db(): DynamoDBDocumentClient {
    this.documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: this.stack.endpoints.dynamodb, ...this.stack.dynamoAccess }));
    return this.documentClient;
  }

  async api<T = any>(method: string, path: string, opts: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.stack.url}${path}`, {
      method,
      headers: {
        ...(opts.body !== undefined || opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      ...(opts.rawBody !== undefined ? { body: opts.rawBody } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    // Every answer a test receives keeps the published contract, or that test fails.
    assertKeepsContract(method, `${this.stack.url}${path}`, res, text);
    return { status: res.status, body: text ? (JSON.parse(text) as T) : (undefined as T), headers: res.headers };
  }

  async token(claims: { role: string; grids?: string[]; department?: string; volunteerId?: string; sub?: string }): Promise<string> {
    const res = await this.api<{ token: string }>('POST', '/local/auth/token', { body: claims });
    if (res.status !== 200) throw new Error(`token: ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  async advance(seconds: number): Promise<void> {
    const res = await this.api('POST', '/local/clock/advance', { body: { seconds } });
    if (res.status !== 200) throw new Error(`advance: ${JSON.stringify(res.body)}`);
  }

  outbox(to?: string) {
    return this.stack.outbox.to(to);
  }

  stop() {
    this.documentClient?.destroy();
    return this.stack.stop();
  }
}
