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
  const config = loadServerlessConfig(join(root, 'serverless.yml'), { stage: 'local', region: 'ap-southeast-1' });
  const wired = config.functions.flatMap((fn) => fn.http.map((h) => ({ fn, handler: fn.handler, method: h.method.toLowerCase(), path: h.path })));

  it.each(wired)('$method $path → $handler', ({ fn, handler, method, path }) => {
    // A handler parses its configuration when its module loads (its cold start): load it with what
    // serverless.yml gives that function, in a module registry of its own.
    const saved = process.env;
    process.env = { ...saved, AWS_REGION: 'ap-southeast-1', ...fn.environment };
    try {
      let served: Route | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        served = (require(join(root, handler.replace(/\.handler$/, ''))) as { handler: { route?: Route } }).handler.route;
      });
      expect({ method: served?.method, path: served?.path }).toEqual({ method, path });
    } finally {
      process.env = saved;
    }
  });
});
