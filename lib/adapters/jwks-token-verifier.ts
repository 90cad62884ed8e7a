import { createRemoteJWKSet, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { TokenVerifier } from '../ports/token-verifier';

/** Checks signature (issuer's JWKS), issuer, audience and expiry: the same checks as the HTTP API authorizer. */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly jwksUrl: URL;
  // Made at the first token: it builds a fetch `Headers`, which loads Node's fetch (undici), ~10 ms of a
  // cold start that most calls of these functions (residents, without a token) never need.
  private jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {
    this.jwksUrl = new URL(`${issuer}/.well-known/jwks.json`);
  }

  async verify(token: string): Promise<Record<string, unknown>> {
    try {
      this.jwks ??= createRemoteJWKSet(this.jwksUrl);
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, audience: this.audience });
      return payload as Record<string, unknown>;
    } catch (err) {
      // The client learns only that the token is not accepted; the cause (expired, wrong audience, bad
      // signature, JWKS unreachable) stays on the error for whoever logs or inspects it.
      throw new UnauthenticatedError('登录凭证无效或已过期', { cause: err });
    }
  }
}
