import { createRemoteJWKSet, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { TokenVerifier } from '../ports/token-verifier';

/** Checks signature (issuer's JWKS), issuer, audience and expiry: the same checks as the HTTP API authorizer. */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {
    this.jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  }

  async verify(token: string): Promise<Record<string, unknown>> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, audience: this.audience });
      return payload as Record<string, unknown>;
    } catch (err) {
      // The client learns only that the token is not accepted; the cause (expired, wrong audience, bad
      // signature, JWKS unreachable) stays on the error for whoever logs or inspects it.
      throw new UnauthenticatedError('登录凭证无效或已过期', { cause: err });
    }
  }
}
