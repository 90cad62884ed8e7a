/**
 * Where the console finds its API and how people sign in: `/config.json`, written by whoever serves the
 * console (the local stack; the deploy, from serverless.yml's params). Nothing about a city is built in.
 */
export type AuthConfig =
  | { kind: 'local' }
  | {
      kind: 'oidc';
      /** The issuer's base URL; its /.well-known/openid-configuration names the endpoints. */
      issuer: string;
      clientId: string;
      scopes: string;
      /** Endpoints given outright, for a provider whose discovery document the browser cannot read (CORS). */
      authorizationEndpoint?: string;
      tokenEndpoint?: string;
      endSessionEndpoint?: string;
    };

export interface ConsoleConfig {
  /** The HTTP API's base URL; empty for the same origin. */
  apiBase: string;
  auth: AuthConfig;
  /** The local stack's tools (SMS outbox, clock, executions): only where it serves the console. */
  localTools?: boolean;
  /** An optional map tile layer ({z}/{x}/{y}); without it the map draws the grids alone, offline. */
  tiles?: { url: string; attribution: string };
}

let loaded: ConsoleConfig | undefined;

export async function loadConfig(): Promise<ConsoleConfig> {
  if (loaded) return loaded;
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`无法读取控制台配置（${res.status}）`);
  loaded = (await res.json()) as ConsoleConfig;
  return loaded;
}

export function config(): ConsoleConfig {
  if (!loaded) throw new Error('config not loaded');
  return loaded;
}
