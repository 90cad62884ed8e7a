import type { AuthConfig } from '../config';
import { session } from './session';

type Oidc = Extract<AuthConfig, { kind: 'oidc' }>;
interface Endpoints {
  authorization: string;
  token: string;
  endSession?: string;
}

/**
 * OpenID Connect authorization code + PKCE (RFC 7636, S256), as a public client in the browser: no
 * secret, the code verifier kept in this tab until the provider sends the user back to /auth/callback.
 * Cognito's hosted UI by default; any provider by config.
 */
const PENDING = 'minqing.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = (bytes = 32) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function endpoints(cfg: Oidc): Promise<Endpoints> {
  if (cfg.authorizationEndpoint && cfg.tokenEndpoint) {
    return { authorization: cfg.authorizationEndpoint, token: cfg.tokenEndpoint, ...(cfg.endSessionEndpoint ? { endSession: cfg.endSessionEndpoint } : {}) };
  }
  const res = await fetch(`${cfg.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error('无法连接登录服务');
  const doc = (await res.json()) as { authorization_endpoint: string; token_endpoint: string; end_session_endpoint?: string };
  return { authorization: doc.authorization_endpoint, token: doc.token_endpoint, ...(doc.end_session_endpoint ? { endSession: doc.end_session_endpoint } : {}) };
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

/** Sends the browser to the provider's sign-in page; it comes back to /auth/callback. */
export async function beginSignIn(cfg: Oidc, next: string): Promise<void> {
  const ep = await endpoints(cfg);
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, next }));
  const url = new URL(ep.authorization);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: redirectUri(),
    scope: cfg.scopes,
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

async function tokenRequest(cfg: Oidc, form: Record<string, string>): Promise<{ id_token: string; refresh_token?: string }> {
  const ep = await endpoints(cfg);
  const res = await fetch(ep.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: cfg.clientId, ...form }) });
  if (!res.ok) throw new Error('登录未完成，请重新登录');
  const body = (await res.json()) as { id_token?: string; refresh_token?: string };
  if (!body.id_token) throw new Error('登录服务未返回身份凭证');
  return { id_token: body.id_token, ...(body.refresh_token ? { refresh_token: body.refresh_token } : {}) };
}

/** The provider sent the user back: checks the state, trades the code for tokens; returns where to go next. */
export async function completeSignIn(cfg: Oidc, url: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; next: string } | null;
  sessionStorage.removeItem(PENDING);
  const error = url.searchParams.get('error');
  if (error) throw new Error('登录被取消或被拒绝');
  const code = url.searchParams.get('code');
  if (!pending || !code || url.searchParams.get('state') !== pending.state) throw new Error('登录链接已失效，请重新登录');
  const tokens = await tokenRequest(cfg, { grant_type: 'authorization_code', code, redirect_uri: redirectUri(), code_verifier: pending.verifier });
  session.save(tokens.id_token, tokens.refresh_token);
  return pending.next || '/';
}

/** A new ID token from the refresh token, when there is one; false means: sign in again. */
export async function refresh(cfg: Oidc): Promise<boolean> {
  const refreshToken = session.refreshToken();
  if (!refreshToken) return false;
  try {
    const tokens = await tokenRequest(cfg, { grant_type: 'refresh_token', refresh_token: refreshToken });
    session.save(tokens.id_token, tokens.refresh_token ?? refreshToken);
    return true;
  } catch {
    return false;
  }
}

/** Where signing out ends: the provider's end-session page when it has one (Cognito: /logout). */
export async function signOutUrl(cfg: Oidc): Promise<string | undefined> {
  const ep = await endpoints(cfg).catch(() => undefined);
  if (!ep?.endSession) return undefined;
  const url = new URL(ep.endSession);
  url.searchParams.set('client_id', cfg.clientId);
  url.searchParams.set('logout_uri', location.origin + '/');
  url.searchParams.set('post_logout_redirect_uri', location.origin + '/');
  return url.toString();
}
