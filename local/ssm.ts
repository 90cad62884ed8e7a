import { z } from 'zod';
import type { JsonRoute } from './http-util';

const getParameterRequest = z.object({ Name: z.string().optional(), WithDecryption: z.boolean().optional() });

/**
 * AWS Systems Manager as far as handlers use it: `GetParameter` of the stack's own SecureString (the
 * keyring), over the JSON protocol the SDK speaks, so the same composition root runs here and on AWS.
 */
export function ssmRoute(parameters: Record<string, () => string>): JsonRoute {
  return async (req, raw) => {
    const action = String(req.headers['x-amz-target'] ?? '').split('.').pop();
    let json: unknown;
    try {
      json = JSON.parse(raw || '{}');
    } catch {
      json = undefined;
    }
    const request = getParameterRequest.safeParse(json);
    if (!request.success) return { status: 400, body: { __type: 'ValidationException', message: 'body is not a GetParameter request' }, contentType: 'application/x-amz-json-1.1' };
    const body = request.data;
    const value = body.Name !== undefined ? parameters[body.Name] : undefined;
    if (action !== 'GetParameter') return { status: 400, body: { __type: 'ValidationException', message: 'only GetParameter is emulated locally' }, contentType: 'application/x-amz-json-1.1' };
    if (!value) return { status: 400, body: { __type: 'ParameterNotFound', message: 'ParameterNotFound' }, contentType: 'application/x-amz-json-1.1' };
    if (body.WithDecryption !== true) return { status: 400, body: { __type: 'ValidationException', message: 'a SecureString is served here WithDecryption only' }, contentType: 'application/x-amz-json-1.1' };
    return { status: 200, body: { Parameter: { Name: body.Name, Type: 'SecureString', Value: value(), Version: 1 } }, contentType: 'application/x-amz-json-1.1' };
  };
}
