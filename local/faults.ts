import { request, type IncomingMessage, type ServerResponse } from 'node:http';

export type FaultedService = 'lambda' | 'dynamodb' | 'stepFunctions' | 'sms';

/**
 * Transient failures on demand, as AWS produces them now and then: a throttled or failed Lambda
 * invocation (before it ran, or after, with its answer lost), DynamoDB throttling and 500s, Step
 * Functions and SNS 5xx. A share `rate` of calls to each service fails; the choice comes from a seeded
 * generator, so a run can be repeated. The SDK's own retries absorb most of them, as on AWS; what gets
 * through must be absorbed by the workflows' retries and the handlers' idempotency.
 */
export class FaultInjector {
  private state: number;
  private readonly met: Record<FaultedService, number> = { lambda: 0, dynamodb: 0, stepFunctions: 0, sms: 0 };

  constructor(
    readonly rate: number,
    readonly seed: number,
  ) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and the same sequence for the same seed. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whether this call to `service` fails; a second draw (0..1) picks how, for the caller. */
  strike(service: FaultedService): number | undefined {
    if (this.rate <= 0 || this.random() >= this.rate) return undefined;
    this.met[service] += 1;
    return this.random();
  }

  counts(): Record<FaultedService, number> & { total: number } {
    return { ...this.met, total: Object.values(this.met).reduce((a, b) => a + b, 0) };
  }
}

/** The error a Lambda invocation fails with: throttled or failed before running, or timed out after. */
export function lambdaFault(how: number): { error: Error; afterRun: boolean } {
  const [name, afterRun] =
    how < 0.4 ? ['Lambda.TooManyRequestsException', false] : how < 0.7 ? ['Lambda.ServiceException', false] : ['Lambda.SdkClientException', true];
  return { error: Object.assign(new Error(`injected fault: ${name}`), { name }), afterRun: afterRun as boolean };
}

/**
 * A pass-through in front of DynamoDB Local that answers a share of requests itself, as DynamoDB does
 * under throttling or an internal error, without forwarding them (the write did not happen).
 */
export function faultyDynamoProxy(target: URL, faults: FaultInjector) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const how = faults.strike('dynamodb');
    if (how !== undefined) {
      req.resume();
      const throttled = how < 0.6;
      res.writeHead(throttled ? 400 : 500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: throttled ? 'com.amazonaws.dynamodb.v20120810#ThrottlingException' : 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: throttled ? 'Rate of requests exceeds the allowed throughput.' : 'Internal server error (injected fault)',
        }),
      );
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    req.pipe(upstream);
  };
}

/** A 503 as Step Functions or SNS answer when they are briefly unavailable (the SDK retries it). */
export function serviceUnavailable(json: boolean): { status: number; body: unknown; contentType?: string } {
  return json
    ? { status: 503, body: { __type: 'ServiceUnavailable', message: 'Service unavailable (injected fault)' } }
    : {
        status: 503,
        contentType: 'text/xml',
        body: '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service unavailable (injected fault)</Message></Error></ErrorResponse>',
      };
}
