import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type JsonRoute = (
  req: IncomingMessage,
  rawBody: string,
) => Promise<{ status: number; body: unknown; headers?: Record<string, string>; contentType?: string }>;

/** Requests larger than this are cut off before parsing, as API Gateway would (its limit is 10 MB). */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
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
      .catch((err: Error) => send(res, 500, { __type: 'InternalFailure', message: err.message }));
  };
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
