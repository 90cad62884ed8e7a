import { createHash, randomBytes } from 'node:crypto';
import type { Page, Route } from 'playwright-core';
import { DESKTOP, openPage, PHONE, shoot } from '../support/browser';
import { startConsole } from '../support/console-stack';

/**
 * Sign-in on AWS: OpenID Connect authorization code + PKCE. The provider here is played by the test on
 * the console's own origin (the console's CSP allows only its origin and the configured ones): its
 * discovery document, an authorize endpoint that signs the grid worker of G01 in at once, and a token
 * endpoint that gives the ID token only for the verifier whose S256 challenge came with the code.
 */
describe('OIDC sign-in (authorization code + PKCE), as deployed', () => {
  jest.setTimeout(120_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  beforeAll(async () => {
    world = await startConsole();
  });
  afterAll(() => world?.stop());

  const b64url = (buf: Buffer) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  /** Plays the provider for `page`; returns what it saw. */
  async function provider(page: Page, { tamperState = false, expired = false } = {}) {
    const seen: { authorize?: URL; tokenForm?: URLSearchParams; verified?: boolean } = {};
    const codes = new Map<string, { challenge: string; redirectUri: string }>();
    const base = world.url;
    await page.route(`${base}/config.json`, (route) =>
      route.fulfill({ json: { apiBase: '', auth: { kind: 'oidc', issuer: `${base}/oidc`, clientId: 'console-client', scopes: 'openid email profile' } } }),
    );
    await page.route(`${base}/oidc/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oidc/.well-known/openid-configuration') {
        return route.fulfill({ json: { issuer: `${base}/oidc`, authorization_endpoint: `${base}/oidc/authorize`, token_endpoint: `${base}/oidc/token`, end_session_endpoint: `${base}/oidc/logout` } });
      }
      if (url.pathname === '/oidc/authorize') {
        seen.authorize = url;
        const code = b64url(randomBytes(12));
        codes.set(code, { challenge: url.searchParams.get('code_challenge')!, redirectUri: url.searchParams.get('redirect_uri')! });
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.search = new URLSearchParams({ code, state: tamperState ? 'not-the-state' : url.searchParams.get('state')! }).toString();
        return route.fulfill({ status: 302, headers: { location: back.toString() } });
      }
      if (url.pathname === '/oidc/token') {
        const form = new URLSearchParams(route.request().postData() ?? '');
        seen.tokenForm = form;
        const issued = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        seen.verified = !!issued && b64url(createHash('sha256').update(verifier).digest()) === issued.challenge && form.get('redirect_uri') === issued.redirectUri;
        if (form.get('grant_type') !== 'authorization_code' || !seen.verified) return route.fulfill({ status: 400, json: { error: 'invalid_grant' } });
        // Valid by the browser's own (real) clock: the stack's virtual clock, which the issuer reads, is frozen in the past.
        const realNowMs = performance.timeOrigin + performance.now();
        const ttl = expired ? 1 : Math.ceil((realNowMs - Date.now()) / 1000) + 3600;
        const idToken = await world.t.stack.issuer.mint({ role: 'grid-worker', grids: ['G01'], sub: 'gw-G01' }, ttl);
        return route.fulfill({ json: { id_token: idToken, access_token: 'unused', refresh_token: 'refresh-1', token_type: 'Bearer', expires_in: 3600 } });
      }
      return route.fulfill({ status: 404, body: 'no such endpoint' });
    });
    return seen;
  }

  it('a staff page sends the user to the provider with an S256 challenge and a state, and the code comes back for tokens only with its verifier', async () => {
    const { page, errors, context } = await openPage(world.browser, world.url, PHONE);
    const seen = await provider(page);
    await page.goto('/grid');
    await page.waitForURL((u) => u.pathname === '/grid' && !u.search);
    await page.getByText('网格员 · G01').waitFor();
    const authorize = seen.authorize!;
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'console-client',
      redirect_uri: `${world.url}/auth/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/),
    });
    expect(seen.verified).toBe(true);
    expect(seen.tokenForm!.get('client_id')).toBe('console-client');
    expect(seen.tokenForm!.has('client_secret')).toBe(false);
    // Signed in: the API answers this user's worklist; no token or code is left in the page or the address.
    expect(await page.content()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(page.url()).not.toContain('code=');
    await shoot(page, 'oidc-sign-in', '01-signed-in-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a callback whose state is not the one it sent, in words, and signs nobody in', async () => {
    const { page, context } = await openPage(world.browser, world.url, DESKTOP);
    const seen = await provider(page, { tamperState: true });
    await page.goto('/dept');
    await page.getByText('登录链接已失效，请重新登录').waitFor();
    expect(seen.tokenForm).toBeUndefined();
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('minqing.session'))).toBeNull();
    await shoot(page, 'oidc-sign-in', '02-state-refused-desktop');
    await context.close();
  });

  it('a token this device reads as expired (its clock off) is said in words, not a loop back to the provider', async () => {
    const { page, context } = await openPage(world.browser, world.url, PHONE);
    const seen = await provider(page, { expired: true });
    let authorizations = 0;
    page.on('request', (req) => {
      if (req.url().includes('/oidc/authorize')) authorizations += 1;
    });
    await page.goto('/grid');
    await page.getByText(/请检查手机的日期和时间/).waitFor();
    expect(seen.verified).toBe(true);
    expect(authorizations).toBe(1);
    await shoot(page, 'oidc-sign-in', '03-expired-token-phone');
    await context.close();
  });
});
