/** Verifies a bearer token the way the gateway's JWT authorizer does, for routes open to residents too. */
export interface TokenVerifier {
  verify(token: string): Promise<Record<string, unknown>>;
}
