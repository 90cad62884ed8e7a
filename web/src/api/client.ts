import createClient, { type Middleware } from 'openapi-fetch';
import { config } from '../config';
import { session } from '../auth/session';
import { navigate } from '../router';
import { problemFrom } from './problem';
import type { paths } from './schema';

/**
 * The API, typed from its own OpenAPI document (schema.d.ts): a route or field it does not have does
 * not compile. Every staff call carries the signed-in user's token; a 401 sends them to sign in again
 * and back to where they were.
 */
const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !request.headers.has('authorization') && !request.headers.has('x-tracking-code')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('authorization')) {
      session.clear();
      navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
    return response;
  },
};

let client: ReturnType<typeof createClient<paths>> | undefined;

export function api() {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().apiBase || location.origin });
    client.use(auth);
  }
  return client;
}

/** The data of a call that succeeded; an ApiProblem (a sentence in Chinese) for one that did not. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemFrom(response.status, error);
  return data as T;
}
