import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import { STAFF_ROLES } from '../lib/domain/actor';
import { readState, writeState } from './state-file';

export const tokenRequestSchema = z
  .object({
    role: z.enum(STAFF_ROLES),
    grids: z.array(z.string().min(1)).optional(),
    department: z.string().min(1).optional(),
    volunteerId: z.string().min(1).optional(),
    sub: z.string().min(1).optional(),
  })
  .strict();
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

const keyPairSchema = z.object({ privateKey: z.record(z.string(), z.unknown()), publicKey: z.record(z.string(), z.unknown()) });

/**
 * Stands in for the Cognito user pool: signs ID tokens with the claims Cognito would put in them and
 * publishes its keys at `<issuer>/.well-known/jwks.json`, so tokens are checked exactly as the HTTP
 * API's JWT authorizer (and the handlers' own verifier) check them on AWS.
 */
export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    readonly jwks: { keys: JWK[] },
  ) {}

  /** With `keyFile`, the signing key is kept there, so tokens handed out stay valid across restarts. */
  static async create(issuer: string, audience: string, keyFile?: string): Promise<LocalIssuer> {
    const kept = keyFile ? readState(keyFile, keyPairSchema) : undefined;
    const { privateKey, publicKey } = kept
      ? { privateKey: (await importJWK(kept.privateKey, 'RS256')) as CryptoKey, publicKey: (await importJWK(kept.publicKey, 'RS256')) as CryptoKey }
      : await generateKeyPair('RS256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    if (keyFile && !kept) writeState(keyFile, { privateKey: await exportJWK(privateKey), publicKey: publicJwk });
    const jwk = { ...publicJwk, kid: 'local-1', alg: 'RS256', use: 'sig' };
    return new LocalIssuer(issuer, audience, privateKey, publicKey, { keys: [jwk] });
  }

  async mint(request: TokenRequest, ttlSeconds = 12 * 3600): Promise<string> {
    const claims: Record<string, unknown> = {
      'cognito:groups': [request.role],
      token_use: 'id',
      ...(request.grids?.length ? { 'custom:grids': request.grids.join(',') } : {}),
      ...(request.department ? { 'custom:department': request.department } : {}),
      ...(request.volunteerId ? { 'custom:volunteerId': request.volunteerId } : {}),
    };
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setSubject(request.sub ?? `local-${request.role}-${request.grids?.join('-') ?? request.department ?? request.volunteerId ?? 'user'}`)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }

  /** What API Gateway's JWT authorizer does before a route runs; `undefined` means 401. */
  async authorize(authorization: string | undefined): Promise<Record<string, unknown> | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    try {
      const { payload } = await jwtVerify(match[1]!, this.publicKey, { issuer: this.issuer, audience: this.audience });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
