import { join, resolve } from 'node:path';
import { loadServerlessConfig } from '../../../local/serverless-config';
import type { Route } from '../../../lib/http/routes';

/**
 * The gate enforces the access rules of the route a handler names; a handler naming the wrong route
 * (the worklist's operationId on the metrics function, say) would let the wrong roles in. Each
 * function deployed on an HTTP route must name exactly that route.
 */
describe('each HTTP function serves the route it names', () => {
  const root = resolve(__dirname, '../../..');
  const config = loadServerlessConfig(join(root, 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });
  const wired = config.functions.flatMap((fn) => fn.http.map((h) => ({ handler: fn.handler, method: h.method.toLowerCase(), path: h.path })));

  it.each(wired)('$method $path → $handler', async ({ handler, method, path }) => {
    const modulePath = join(root, handler.replace(/\.handler$/, ''));
    const served = ((await import(modulePath)) as { handler: { route?: Route } }).handler.route;
    expect({ method: served?.method, path: served?.path }).toEqual({ method, path });
  });
});
