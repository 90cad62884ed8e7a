import { JwksTokenVerifier } from '../../../lib/adapters/jwks-token-verifier';

describe('the JWKS token verifier', () => {
  it('refuses a malformed token as unauthenticated, keeping why as the cause', async () => {
    // Nothing listens there: a malformed token is refused before any key is fetched.
    const verifier = new JwksTokenVerifier('http://127.0.0.1:9/issuer', 'audience');
    const refused = await verifier.verify('not.a.token').catch((err: unknown) => err);
    expect(refused).toMatchObject({ name: 'UnauthenticatedError', statusCode: 401, message: '登录凭证无效或已过期' });
    expect((refused as Error).cause).toMatchObject({ code: 'ERR_JWS_INVALID' });
  });
});
