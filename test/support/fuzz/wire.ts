import { Agent, request } from 'node:http';
import type { HostileRequest } from './requests';

export interface WireAnswer {
  status: number;
  headers: Headers;
  body: string;
}

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) for (const v of [value ?? []].flat()) headers.append(name, v);
  return headers;
}

/**
 * Sends the request byte for byte (fetch would normalise `..`, re-encode the path and refuse some
 * headers). A connection reset or a timeout is an answer too: `status` 0, never a pass.
 */
export function sendRaw(baseUrl: string, req: HostileRequest, agent: Agent, timeoutMs = 15_000): Promise<WireAnswer> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
  return new Promise((resolve) => {
    const r = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: headersOf(res.headers), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => resolve({ status: 0, headers: new Headers(), body: `response error: ${err.message}` }));
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', (err) => resolve({ status: 0, headers: new Headers(), body: `request error: ${err.message}` }));
    r.end(body);
  });
}

/** Runs `work` over `items` with at most `width` in flight; answers in the order of `items`. */
export async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}
