import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type JsonRoute = (
  req: IncomingMessage,
  rawBody: string,
) => Promise<{ status: number; body: unknown; headers?: Record<string, string>; contentType?: string }>;

/** API Gateway's payload limit for HTTP APIs: a larger request is answered 413 there, and here. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** A request over MAX_REQUEST_BYTES: the caller answers 413 at once, while the rest is still arriving. */
export class RequestTooLargeError extends Error {
  constructor() {
    super(`request body over ${MAX_REQUEST_BYTES} bytes`);
    this.name = 'RequestTooLargeError';
  }
}

/**
 * After this much more of a refused body, the connection is cut: a client honest about its size has
 * sent it all by then; one streaming without end is not read forever.
 */
const MAX_DISCARDED_BYTES = 4 * MAX_REQUEST_BYTES;

/**
 * The body of a request, or RequestTooLargeError as soon as it is known to be too large: from its
 * Content-Length before any of it is read, or once the bytes streamed pass the limit. The rest is then
 * discarded unbuffered, so the client can finish sending and read the 413 instead of a reset.
 */
export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      req.removeAllListeners('data');
      let discarded = 0;
      req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > MAX_DISCARDED_BYTES) req.destroy();
      });
      reject(new RequestTooLargeError());
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return refuse();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): void {
  const text = typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(text);
}

/** A server on 127.0.0.1 only; port 0 picks a free one. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

export function serveJson(route: JsonRoute) {
  return (req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((raw) => route(req, raw))
      .then((out) => send(res, out.status, out.body, out.headers, out.contentType))
      .catch((err: Error) =>
        err instanceof RequestTooLargeError
          ? send(res, 413, { __type: 'RequestEntityTooLargeException', message: err.message })
          : send(res, 500, { __type: 'InternalFailure', message: err.message }),
      );
  };
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
